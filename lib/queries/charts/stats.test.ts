// Each chart aggregate compared with DuckDB's own answer computed straight from the fixture Parquet.
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, DETOXIFY, underscored } from '@/lib/dataset/moderation';
import { parseStatsParams } from '@/lib/stats/params';
import { CHARTS, type Stats } from '@/lib/stats/types';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { hasWord, messageFlag as flag, messageScore as score } from '@/test/oracle';

let getStats: typeof import('./index').getStats;
let getChart: typeof import('./index').getChart;

const WORD = 'the';
// The fixture as conversations and messages, both spellings of a category folded (ingest's rule).

async function rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await duck()).all<T>(sql);
}

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ getStats, getChart } = await import('./index'));
  const c = await duck();
  await c.run(`CREATE OR REPLACE TABLE pconv AS SELECT row_number() OVER () AS k, country, state, language, model,
      "timestamp" AS ts, turn, len(conversation) AS n_messages,
      list_bool_or([o.flagged FOR o IN openai_moderation]) AS flagged,
      ${hasWord(WORD)} AS has_word,
      conversation, openai_moderation, detoxify_moderation
    FROM ${parquet(WILDCHAT.dir)}`);
  await c.run(`CREATE OR REPLACE TABLE pmsg AS SELECT k, country, language, m.role AS role, m.content AS content,
      ${CATEGORIES.map((cat) => `${score(cat)} AS "s_${underscored(cat)}", ${flag(cat)} AS "f_${underscored(cat)}"`).join(', ')},
      ${DETOXIFY.map((d) => `d.${d} AS d_${d}`).join(', ')}
    FROM (SELECT k, country, language, unnest(conversation) AS m, unnest(openai_moderation) AS o, unnest(detoxify_moderation) AS d FROM pconv)`);
});

async function topLanguage(): Promise<string> {
  return (await rows<{ v: string }>(`SELECT language AS v FROM pconv GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`))[0]!.v;
}

/**
 * A filter state: its query string, the same selection as a predicate over pconv (`where`), and as
 * one predicate per field, so that a chart drawn without its own filter can be checked (`without`).
 */
interface State {
  name: string;
  qs: string;
  where: string;
  without: (field: string) => string;
}

const state = (name: string, qs: string, parts: Record<string, string>): State => {
  const and = (ps: string[]) => (ps.length ? ps.map((p) => `(${p})`).join(' AND ') : 'true');
  return {
    name,
    qs,
    where: and(Object.values(parts)),
    without: (field) => and(Object.entries(parts).flatMap(([k, p]) => (k === field ? [] : [p]))),
  };
};

async function states(): Promise<State[]> {
  const lang = await topLanguage();
  return [
    state('no filter', '', {}),
    state('a facet', `language=${encodeURIComponent(lang)}`, { language: `language = '${lang}'` }),
    state('a negation', 'not_country=United+States&turns_min=2', {
      country: `country IS NULL OR country <> 'United States'`,
      turns: 'turn >= 2',
    }),
    state('a keyword query', `q=${WORD}`, { q: 'has_word' }),
    state('a keyword query and a facet', `q=${WORD}&language=${encodeURIComponent(lang)}`, {
      q: 'has_word',
      language: `language = '${lang}'`,
    }),
    state('two facets', `language=${encodeURIComponent(lang)}&model=gpt-4-0314&model=gpt-3.5-turbo-0613`, {
      language: `language = '${lang}'`,
      model: `model IN ('gpt-4-0314', 'gpt-3.5-turbo-0613')`,
    }),
  ];
}

async function stats(qs: string): Promise<Stats> {
  const { filter, options } = parseStatsParams(new URLSearchParams(qs));
  return getStats(filter, options);
}

const ranked = (xs: { value: string | null; count: number; flagged: number }[]) =>
  [...xs].sort((a, b) => String(a.value).localeCompare(String(b.value)));

describe('chart aggregates against DuckDB on the fixture Parquet', () => {
  it('counts conversations and messages, countries, languages and models with their flagged counts', async () => {
    for (const st of await states()) {
      const s = await stats(st.qs);
      const [tot] = await rows<{ n: number; m: number }>(
        `SELECT count(*)::INTEGER n, coalesce(sum(n_messages), 0)::INTEGER m FROM pconv WHERE ${st.where}`,
      );
      expect(s.total, st.name).toBe(tot!.n);
      expect(s.messages, st.name).toBe(tot!.m);
      expect(tot!.n, `${st.name} selects something`).toBeGreaterThan(0);
      for (const [field, got] of [
        ['country', s.countries],
        ['language', s.languages],
        ['model', s.models],
      ] as const) {
        // Each of these charts is counted without its own filter, as explore's facets are.
        const want = await rows<{
          value: string | null;
          count: number;
          flagged: number;
        }>(`SELECT ${field} AS value, count(*)::INTEGER AS count,
          count(*) FILTER (WHERE flagged)::INTEGER AS flagged FROM pconv WHERE ${st.without(field)} GROUP BY 1`);
        expect(ranked(got), `${st.name}: ${field}`).toEqual(ranked(want));
        expect(
          got.map((x) => x.count),
          `${st.name}: ${field} ranked`,
        ).toEqual([...got.map((x) => x.count)].sort((a, b) => b - a));
      }
    }
  });

  it('says which filter each chart left out, and how many conversations that chart counts', async () => {
    const want: Record<string, Stats['omitted']> = {
      'no filter': {},
      'a facet': { languages: 'language' },
      'a negation': { countries: 'country', language_by_country: 'country' },
      'a keyword query': {},
      'a keyword query and a facet': { languages: 'language' },
      'two facets': { languages: 'language', models: 'model' },
    };
    for (const st of await states()) {
      const s = await stats(st.qs);
      expect(s.omitted, st.name).toEqual(want[st.name]);
      for (const [chart, field] of Object.entries(s.omitted)) {
        const [n] = await rows<{ n: number }>(`SELECT count(*)::INTEGER n FROM pconv WHERE ${st.without(field)}`);
        expect(s.omitted_totals[chart as keyof Stats['omitted']], `${st.name}: ${chart}`).toBe(n!.n);
        expect(n!.n, `${st.name}: ${chart} counts at least the selection`).toBeGreaterThanOrEqual(s.total);
      }
    }
    // The language chart of one language still ranks the others, the chosen one among them.
    const lang = await topLanguage();
    const one = await stats(`language=${encodeURIComponent(lang)}`);
    expect(one.languages.length).toBeGreaterThan(3);
    expect(one.languages.find((l) => l.value === lang)?.count).toBe(one.total);
  });

  it('counts (country, state) pairs and the language by country breakdown', async () => {
    for (const st of await states()) {
      const s = await stats(st.qs);
      const want = await rows<{ country: string | null; value: string; count: number; flagged: number }>(`SELECT country, state AS value,
        count(*)::INTEGER AS count, count(*) FILTER (WHERE flagged)::INTEGER AS flagged FROM pconv WHERE ${st.without('state')} AND state IS NOT NULL GROUP BY 1, 2`);
      const key = (x: { country: string | null; value: string | null }) => `${x.country}/${x.value}`;
      expect(
        [...s.states].sort((a, b) => key(a).localeCompare(key(b))),
        st.name,
      ).toEqual(want.sort((a, b) => key(a).localeCompare(key(b))));
      // Clicking a country there filters by it: the breakdown leaves out the country filter.
      const lbc = s.language_by_country;
      const lbcWhere = st.without('country');
      expect(lbc.languages.length, st.name).toBeGreaterThan(0);
      const topL = await rows<{ v: string }>(
        `SELECT language v FROM pconv WHERE ${lbcWhere} AND language IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`,
      );
      const topC = await rows<{ v: string }>(
        `SELECT country v FROM pconv WHERE ${lbcWhere} AND country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`,
      );
      expect(lbc.languages, st.name).toEqual(topL.map((r) => r.v));
      expect(lbc.countries, st.name).toEqual(topC.map((r) => r.v));
      const cells = await rows<{ language: string; country: string; count: number }>(
        `SELECT language, country, count(*)::INTEGER AS count
        FROM pconv WHERE ${lbcWhere} AND language IN (SELECT unnest($1::VARCHAR[])) AND country IN (SELECT unnest($2::VARCHAR[])) GROUP BY 1, 2`
          .replace('$1::VARCHAR[]', `[${lbc.languages.map((l) => `'${l}'`).join(',')}]`)
          .replace('$2::VARCHAR[]', `[${lbc.countries.map((l) => `'${l.replace(/'/g, "''")}'`).join(',')}]`),
      );
      const ck = (x: { language: string; country: string }) => `${x.language}/${x.country}`;
      expect(
        [...lbc.cells].sort((a, b) => ck(a).localeCompare(ck(b))),
        st.name,
      ).toEqual(cells.sort((a, b) => ck(a).localeCompare(ck(b))));
    }
  });

  it('buckets conversations by day, week and month like date_trunc, gaps filled with zeros', async () => {
    for (const st of await states()) {
      for (const interval of ['day', 'week', 'month'] as const) {
        const t = (await stats(`${st.qs}&interval=${interval}`)).time;
        expect(t.interval).toBe(interval);
        const want = await rows<{
          bucket: string;
          count: number;
        }>(`SELECT date_trunc('${interval}', ts)::DATE::VARCHAR AS bucket, count(*)::INTEGER AS count
          FROM pconv WHERE ${st.where} GROUP BY 1 ORDER BY 1`);
        expect(
          t.rows.filter((r) => r.count > 0),
          `${st.name} by ${interval}`,
        ).toEqual(want);
        expect(t.rows.length).toBe(new Set(t.rows.map((r) => r.bucket)).size);
      }
    }
    // The fixture spans a year: the default is weeks; a brushed month of it gives days.
    expect((await stats('')).time.interval).toBe('week');
    expect((await stats('from=2023-06-01&to=2023-06-30')).time.interval).toBe('day');
  });

  it('stacks the time series by the top models (and other) when asked', async () => {
    for (const st of await states()) {
      const t = (await stats(`${st.qs}&interval=month&stack=model`)).time;
      const top = await rows<{ v: string }>(`SELECT model v FROM pconv WHERE ${st.where} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8`);
      expect(
        t.keys.filter((k) => k !== 'other'),
        st.name,
      ).toEqual(top.map((r) => r.v));
      const want = await rows<{ bucket: string; key: string; count: number }>(`SELECT date_trunc('month', ts)::DATE::VARCHAR AS bucket,
        CASE WHEN model IN (${top.map((r) => `'${r.v}'`).join(', ')}) THEN model ELSE 'other' END AS key, count(*)::INTEGER AS count
        FROM pconv WHERE ${st.where} GROUP BY 1, 2`);
      const got = t.rows.flatMap((r) =>
        Object.entries(r.by!)
          .filter(([, n]) => n > 0)
          .map(([key, count]) => ({ bucket: r.bucket, key, count })),
      );
      const k = (x: { bucket: string; key: string }) => `${x.bucket}/${x.key}`;
      expect(
        got.sort((a, b) => k(a).localeCompare(k(b))),
        st.name,
      ).toEqual(want.sort((a, b) => k(a).localeCompare(k(b))));
    }
  });

  it('counts messages scored and flagged and bins the scores per OpenAI category, and Detoxify scores', async () => {
    for (const st of await states()) {
      const m = (await stats(st.qs)).moderation;
      expect(m.groups).toEqual(['all']);
      const sel = `pmsg WHERE k IN (SELECT k FROM pconv WHERE ${st.where})`;
      for (const cat of CATEGORIES) {
        const u = underscored(cat);
        const [want] = await rows<{ scored: number; flagged: number }>(
          `SELECT count(s_${u})::INTEGER scored, count(*) FILTER (WHERE f_${u})::INTEGER flagged FROM ${sel}`,
        );
        expect(
          m.categories.find((x) => x.category === cat),
          `${st.name}: ${cat}`,
        ).toMatchObject(want!);
        const bins = m.histograms.find((h) => h.category === cat)!.bins;
        const counts = await rows<{ n: number }>(
          `SELECT ${bins
            .map(
              (b, i) =>
                `count(*) FILTER (WHERE ${i === 0 ? 'true' : `s_${u} >= ${b.lo}`} AND ${i === bins.length - 1 ? 'true' : `s_${u} < ${b.hi}`} AND s_${u} IS NOT NULL)::INTEGER AS b${i}`,
            )
            .join(', ')} FROM ${sel}`,
        );
        expect(
          bins.map((b) => b.count),
          `${st.name}: ${cat} histogram`,
        ).toEqual(Object.values(counts[0]!));
        expect(bins[0]!.lo).toBeCloseTo(1e-6);
        expect(bins[bins.length - 1]!.hi).toBe(1);
      }
      expect(m.detoxify.map((d) => d.key)).toEqual([...DETOXIFY]);
      for (const d of m.detoxify) {
        const counts =
          await rows(`SELECT ${d.bins.map((b, i) => `count(*) FILTER (WHERE d_${d.key} >= ${i}/20 AND ${i === 19 ? 'true' : `d_${d.key} < ${i + 1}/20`})::INTEGER AS b${i}`).join(', ')},
          count(d_${d.key})::INTEGER AS scored FROM ${sel}`);
        const { scored, ...bins } = counts[0] as Record<string, number>;
        expect(
          d.bins.map((b) => b.count),
          `${st.name}: ${d.key}`,
        ).toEqual(Object.values(bins));
        expect(d.scored).toBe(scored);
      }
    }
  });

  it('splits moderation by role and by the top countries', async () => {
    for (const st of await states()) {
      const byRole = (await stats(`${st.qs}&split=role`)).moderation;
      expect(byRole.groups).toEqual(['user', 'assistant']);
      const want = await rows<{ role: string; scored: number; flagged: number }>(`SELECT role, count(s_violence)::INTEGER scored,
        count(*) FILTER (WHERE f_violence)::INTEGER flagged FROM pmsg WHERE k IN (SELECT k FROM pconv WHERE ${st.where}) GROUP BY 1`);
      for (const w of want)
        expect(
          byRole.categories.find((x) => x.category === 'violence' && x.group === w.role),
          st.name,
        ).toMatchObject({ scored: w.scored, flagged: w.flagged });
      const byCountry = (await stats(`${st.qs}&split=country`)).moderation;
      const top = await rows<{ v: string }>(
        `SELECT country v FROM pconv WHERE ${st.where} AND country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 6`,
      );
      expect(byCountry.groups, st.name).toEqual(top.map((r) => r.v));
      const perCountry = await rows<{ country: string; bins: number; scored: number }>(`SELECT country, count(d_toxicity)::INTEGER scored
        FROM pmsg WHERE k IN (SELECT k FROM pconv WHERE ${st.where}) AND country IN (${top.map((r) => `'${r.v}'`).join(', ')}) GROUP BY 1`);
      for (const w of perCountry) {
        expect(byCountry.detoxify.find((d) => d.key === 'toxicity' && d.group === w.country)?.scored, `${st.name}: ${w.country}`).toBe(
          w.scored,
        );
      }
    }
  });

  it('bins turns per conversation and message lengths by role', async () => {
    for (const st of await states()) {
      const shape = await getChart('shape', parseStatsParams(new URLSearchParams(st.qs)).filter, {});
      const turns = await rows(
        `SELECT ${shape.turns.map((b, i) => `count(*) FILTER (WHERE turn >= ${b.lo} AND turn < ${b.hi})::INTEGER AS b${i}`).join(', ')} FROM pconv WHERE ${st.where}`,
      );
      expect(
        shape.turns.map((b) => b.count),
        st.name,
      ).toEqual(Object.values(turns[0]!));
      expect(shape.turns.map((b) => b.lo)).toEqual([1, 2, 3, 4, 5, 6, 11, 21, 51]);
      for (const { role, bins } of shape.lengths) {
        expect(bins.length).toBeGreaterThan(0);
        const [want] = await rows<{ n: number }>(
          `SELECT count(*)::INTEGER n FROM pmsg WHERE role = '${role}' AND k IN (SELECT k FROM pconv WHERE ${st.where})`,
        );
        const got =
          await rows(`SELECT ${bins.map((b, i) => `count(*) FILTER (WHERE length(content) >= ${b.lo} AND length(content) < ${b.hi})::INTEGER AS b${i}`).join(', ')}
          FROM pmsg WHERE role = '${role}' AND k IN (SELECT k FROM pconv WHERE ${st.where})`);
        expect(
          bins.map((b) => b.count),
          `${st.name}: ${role}`,
        ).toEqual(Object.values(got[0]!));
        expect(
          bins.reduce((s, b) => s + b.count, 0),
          `${st.name}: every ${role} message binned`,
        ).toBe(want!.n);
      }
    }
  });

  it('answers each chart alone with the same numbers as the whole, whatever the split', async () => {
    // A split by country or language groups the moderation charts only: message lengths still count every message.
    for (const qs of [
      'not_country=United+States&split=role&stack=language',
      'not_country=United+States&split=country',
      'q=the&split=language&topic_split=country',
      'model=gpt-4-0314&topic=t1&topic_split=language',
      'q=the&language=English&country=India&stack=model',
      'model=gpt-4-0314&state=California',
    ]) {
      const { filter, options } = parseStatsParams(new URLSearchParams(qs));
      const whole = await getStats(filter, options);
      for (const name of CHARTS) {
        expect(await getChart(name, filter, options), `${qs}: ${name}`).toEqual(whole[name]);
      }
    }
  });
});
