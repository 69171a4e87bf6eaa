import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/test/csv';
import { parquet, scalar } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { call, type Handler } from '@/test/requests';

let stats: Handler;
let chart: Handler;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  stats = (await import('./route')).GET as unknown as Handler;
  chart = (await import('./[chart]/route')).GET as unknown as Handler;
});

describe('/api/stats', () => {
  it('answers the whole stats for a filter like DuckDB counts it', async () => {
    const r = await call(stats, '/api/stats?not_country=United+States&interval=month&stack=language&split=role');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text);
    expect(body.total).toBe(
      Number(await scalar(`SELECT count(*) FROM ${parquet(WILDCHAT.dir)} WHERE country IS DISTINCT FROM 'United States'`)),
    );
    expect(body.time).toMatchObject({ interval: 'month', stack: 'language' });
    expect(body.moderation.groups).toEqual(['user', 'assistant']);
  });

  it('refuses bad chart options, listing parameters and format by name', async () => {
    for (const [qs, param] of [
      ['interval=hour', 'interval'],
      ['stack=country', 'stack'],
      ['split=model', 'split'],
      ['split=role&split=country', 'split'],
      ['sort=newest', 'sort'],
      ['limit=5', 'limit'],
      ['offset=5', 'offset'],
      ['format=csv', 'format'],
      ['from=yesterday', 'from'],
    ]) {
      const r = await call(stats, `/api/stats?${qs}`);
      expect(r.status, qs).toBe(400);
      expect(JSON.parse(r.text).parameter, qs).toBe(param);
      expect(JSON.parse(r.text).error, qs).toContain(param);
    }
    const r = await call(chart, '/api/stats/time?interval=fortnight', { chart: 'time' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).parameter).toBe('interval');
    const f = await call(chart, '/api/stats/time?format=xml', { chart: 'time' });
    expect(f.status).toBe(400);
    expect(JSON.parse(f.text).parameter).toBe('format');
  });

  it('answers 404 naming an unknown chart', async () => {
    const r = await call(chart, '/api/stats/pie', { chart: 'pie' });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.text).error).toContain('"pie"');
  });

  it('gives one chart as JSON equal to its piece of the whole', async () => {
    const whole = JSON.parse((await call(stats, '/api/stats?turns_min=2')).text);
    for (const name of ['countries', 'models', 'time', 'shape']) {
      const r = await call(chart, `/api/stats/${name}?turns_min=2`, { chart: name });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text), name).toEqual(whole[name]);
    }
  });

  it('draws a chart without its own filter and says so: omitted in the whole, X-Wildscope-Omitted for one chart', async () => {
    const qs = 'language=English&model=gpt-4-0314';
    const whole = JSON.parse((await call(stats, `/api/stats?${qs}`)).text);
    expect(whole.omitted).toEqual({ languages: 'language', models: 'model' });
    const count = async (where: string) => Number(await scalar(`SELECT count(*) FROM ${parquet(WILDCHAT.dir)} WHERE ${where}`));
    const english = await count(`language = 'English'`);
    expect(whole.omitted_totals).toEqual({ languages: await count(`model = 'gpt-4-0314'`), models: english });
    expect(english).toBeGreaterThan(whole.total);
    expect(whole.models.length).toBeGreaterThan(1);
    expect(whole.models.reduce((a: number, m: { count: number }) => a + m.count, 0)).toBe(english);
    for (const [name, omitted] of [
      ['languages', 'language'],
      ['models', 'model'],
      ['countries', null],
      ['time', null],
    ] as const) {
      for (const format of ['json', 'csv']) {
        const r = await call(chart, `/api/stats/${name}?${qs}&format=${format}`, { chart: name });
        expect(r.headers.get('x-wildscope-omitted'), `${name} ${format}`).toBe(omitted);
        if (format === 'json') expect(JSON.parse(r.text), name).toEqual(whole[name]);
      }
    }
    expect(JSON.parse((await call(stats, '/api/stats?turns_min=2')).text).omitted).toEqual({});
  });

  it('writes each chart as CSV with a header and as many rows as the JSON holds', async () => {
    const qs = 'turns_min=2&stack=model&split=role';
    const whole = JSON.parse((await call(stats, `/api/stats?${qs}`)).text);
    const expected: Record<string, [string, number]> = {
      countries: ['country,count,flagged', whole.countries.length],
      states: ['country,state,count,flagged', whole.states.length],
      languages: ['language,count,flagged', whole.languages.length],
      models: ['model,count,flagged', whole.models.length],
      language_by_country: ['language,country,count', whole.language_by_country.cells.length],
      time: ['bucket,model,count', whole.time.rows.length * whole.time.keys.length],
      moderation: [
        'kind,category,role,scored,flagged,lo,hi,count',
        whole.moderation.categories.length +
          whole.moderation.histograms.reduce((s: number, h: { bins: unknown[] }) => s + h.bins.length, 0) +
          whole.moderation.detoxify.reduce((s: number, h: { bins: unknown[] }) => s + h.bins.length, 0),
      ],
      shape: [
        'kind,role,lo,hi,count',
        whole.shape.turns.length + whole.shape.lengths.reduce((s: number, l: { bins: unknown[] }) => s + l.bins.length, 0),
      ],
    };
    for (const [name, [header, n]] of Object.entries(expected)) {
      const r = await call(chart, `/api/stats/${name}?${qs}&format=csv`, { chart: name });
      expect(r.status, name).toBe(200);
      expect(r.type).toContain('text/csv');
      const records = parseCsv(r.text);
      expect(records[0]!.join(','), name).toBe(header);
      expect(records.length - 1, name).toBe(n);
      expect(n, `${name} has rows`).toBeGreaterThan(0);
    }
    const countries = parseCsv((await call(chart, `/api/stats/countries?${qs}&format=csv`, { chart: 'countries' })).text);
    expect(countries.slice(1).map(([v, c, f]) => ({ value: v === '' ? null : v, count: Number(c), flagged: Number(f) }))).toEqual(
      whole.countries,
    );
  });
});
