// Several datasets in one index (WILDSCOPE_DATA=name=path;...): each dataset's counts against
// DuckDB's on its own Parquet, the dataset filter and facet, fields only one dataset records, and
// an id held by two datasets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LMSYS, WILDCHAT } from '@/test/fixtures';
import { hasWord } from '@/test/oracle';
import { call, send, type Handler } from '@/test/requests';
import { Database, type Connection } from '@/lib/db/duckdb';
import { buildIndex } from '@/lib/ingest/build';
import type { Manifest } from '@/lib/ingest/manifest';

// `wc` and `copy` are the same files under two names: every WildChat id is held by both.
const data = `wc=${WILDCHAT.dir};lm=${LMSYS.dir};copy=${WILDCHAT.dir}`;
let cache: string;
let manifest: Manifest;
let routes: {
  list: Handler;
  facets: Handler;
  one: Handler;
  turn: Handler;
  health: Handler;
  stats: Handler;
  map: Handler;
  values: Handler;
  matches: Handler;
};
let db: Database;
let c: Connection;

const parquet = (dir: string) => `read_parquet('${dir}/*.parquet')`;
const scalar = async (sql: string) => Number((await c.one<{ n: number }>(sql))!.n);

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'wildscope-datasets-'));
  manifest = await buildIndex({ data, cache });
  process.env.WILDSCOPE_CACHE = cache;
  process.env.WILDSCOPE_DATA = data;
  routes = {
    list: (await import('./conversations/route')).GET as unknown as Handler,
    facets: (await import('./facets/route')).GET as unknown as Handler,
    one: (await import('./conversations/[id]/route')).GET as unknown as Handler,
    turn: (await import('./turns/[tid]/route')).GET as unknown as Handler,
    health: (await import('./health/route')).GET as unknown as Handler,
    stats: (await import('./stats/route')).GET as unknown as Handler,
    map: (await import('./map/route')).GET as unknown as Handler,
    values: (await import('./map/values/route')).GET as unknown as Handler,
    matches: (await import('./map/matches/route')).GET as unknown as Handler,
  };
  db = await Database.open(':memory:', { threads: 1 });
  c = await db.connect();
});
afterAll(() => {
  db?.close();
  delete process.env.WILDSCOPE_DATA;
  rmSync(cache, { recursive: true, force: true });
});

describe('several datasets in one index', () => {
  it('counts each dataset as DuckDB counts its Parquet, in configuration order, in health too', async () => {
    const want = {
      wc: await scalar(`SELECT count(*) AS n FROM ${parquet(WILDCHAT.dir)}`),
      lm: await scalar(`SELECT count(*) AS n FROM ${parquet(LMSYS.dir)}`),
    };
    const messages = {
      wc: await scalar(`SELECT sum(len(conversation)) AS n FROM ${parquet(WILDCHAT.dir)}`),
      lm: await scalar(`SELECT sum(len(conversation)) AS n FROM ${parquet(LMSYS.dir)}`),
    };
    const h = await call(routes.health, '/api/health');
    expect(h.status).toBe(200);
    expect(
      h.body.datasets.map((d: { name: string; kind: string; conversations: number; messages: number }) => [
        d.name,
        d.kind,
        d.conversations,
        d.messages,
      ]),
    ).toEqual([
      ['wc', 'wildchat', want.wc, messages.wc],
      ['lm', 'lmsys', want.lm, messages.lm],
      ['copy', 'wildchat', want.wc, messages.wc],
    ]);
    expect(h.body.conversations).toBe(2 * want.wc + want.lm);
    expect(h.body.messages).toBe(2 * messages.wc + messages.lm);
    expect(manifest.datasets.map((d) => d.name)).toEqual(['wc', 'lm', 'copy']);
    // Each dataset's build time is its part's (parts.test.ts keeps one across a rebuild of another).
    expect(h.body.datasets.map((d: { built_at: string }) => d.built_at)).toEqual(manifest.datasets.map((d) => d.builtAt));
    expect(manifest.datasets.every((d) => d.builtAt && d.builtAt <= manifest.builtAt)).toBe(true);

    for (const [name, n] of [
      ['wc', want.wc],
      ['lm', want.lm],
      ['copy', want.wc],
    ] as const) {
      const r = await call(routes.list, `/api/conversations?dataset=${name}&limit=1`);
      expect(r.body.total, name).toBe(n);
      expect(r.body.rows[0].dataset).toBe(name);
    }
    const not = await call(routes.list, '/api/conversations?not_dataset=copy&limit=1');
    expect(not.body.total).toBe(want.wc + want.lm);
    const f = await call(routes.facets, '/api/facets');
    expect(f.body.dataset).toEqual(
      [
        { value: 'wc', count: want.wc },
        { value: 'copy', count: want.wc },
        { value: 'lm', count: want.lm },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
  });

  it('counts a field only one dataset records as missing in the other', async () => {
    const f = await call(routes.facets, '/api/facets?dataset=lm');
    // LMSYS records no country: every conversation of lm counts as missing.
    expect(f.body.country).toEqual([{ value: null, count: await scalar(`SELECT count(*) AS n FROM ${parquet(LMSYS.dir)}`) }]);
    const country = await c.one<{ country: string; n: number }>(
      `SELECT country, count(*)::INTEGER AS n FROM ${parquet(WILDCHAT.dir)} WHERE country IS NOT NULL GROUP BY 1 ORDER BY n DESC, country LIMIT 1`,
    );
    const r = await call(routes.list, `/api/conversations?country=${encodeURIComponent(country!.country)}&limit=1`);
    expect(r.body.total).toBe(2 * country!.n); // wc and copy, none from lm
    const lm = await call(routes.list, `/api/conversations?country=${encodeURIComponent(country!.country)}&dataset=lm&limit=1`);
    expect(lm.body.total).toBe(0);
  });

  it('opens an id held by two datasets from the first, names the other, and opens either by ?dataset=', async () => {
    const id = (await c.one<{ id: string }>(`SELECT conversation[1].turn_identifier::VARCHAR AS id FROM ${parquet(WILDCHAT.dir)} LIMIT 1`))!
      .id;
    const first = await call(routes.one, `/api/conversations/${id}`, { id });
    expect(first.status).toBe(200);
    expect([first.body.dataset, first.body.also_in]).toEqual(['wc', ['copy']]);
    const other = await call(routes.one, `/api/conversations/${id}?dataset=copy`, { id });
    expect([other.body.dataset, other.body.also_in]).toEqual(['copy', ['wc']]);
    expect(other.body.messages).toEqual(first.body.messages);
    // Held by neither: 404; a dataset not served: 400 naming the ones that are.
    expect((await call(routes.one, `/api/conversations/${id}?dataset=lm`, { id })).status).toBe(404);
    const bad = await call(routes.one, `/api/conversations/${id}?dataset=nope`, { id });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/dataset must be one of wc, lm, copy/);
    const turn = await call(routes.turn, `/api/turns/${id}?dataset=copy`, { tid: id });
    expect(turn.body).toEqual({ conversation_id: id, turn_identifier: id, dataset: 'copy', also_in: ['wc'] });
    // An LMSYS id is held by lm alone.
    const lmId = (await c.one<{ id: string }>(`SELECT conversation_id AS id FROM ${parquet(LMSYS.dir)} LIMIT 1`))!.id;
    const lm = await call(routes.one, `/api/conversations/${lmId}`, { id: lmId });
    expect([lm.status, lm.body.dataset, lm.body.also_in]).toEqual([200, 'lm', []]);
    // Its text read from the store where the second dataset's messages begin.
    const contents = (await c.one<{ t: string[] }>(
      `SELECT [m.content FOR m IN conversation] AS t FROM ${parquet(LMSYS.dir)} WHERE conversation_id = '${lmId}'`,
    ))!.t;
    expect(lm.body.messages.map((m: { content: string }) => m.content)).toEqual(contents);
  });

  it('finds a word in each dataset where DuckDB finds it in its Parquet', async () => {
    // Words of the LMSYS conversations, which come after the first dataset's in the index.
    const words = (
      await c.all<{ w: string }>(
        `SELECT w FROM (SELECT unnest(regexp_split_to_array(lower(conversation[1].content), '[^a-z]+')) AS w FROM ${parquet(LMSYS.dir)})
         WHERE length(w) >= 6 GROUP BY w ORDER BY count(*) DESC, w LIMIT 3`,
      )
    ).map((r) => r.w);
    expect(words).toHaveLength(3);
    for (const w of words) {
      const want = {
        wc: await scalar(`SELECT count(*) AS n FROM ${parquet(WILDCHAT.dir)} WHERE ${hasWord(w)}`),
        lm: await scalar(`SELECT count(*) AS n FROM ${parquet(LMSYS.dir)} WHERE ${hasWord(w)}`),
      };
      expect(want.lm, w).toBeGreaterThan(0);
      for (const [name, n] of [
        ['wc', want.wc],
        ['lm', want.lm],
        ['copy', want.wc],
      ] as const) {
        const r = await call(routes.list, `/api/conversations?q=${w}&dataset=${name}&limit=1`);
        expect(r.body.total, `${w} in ${name}`).toBe(n);
      }
    }
  });

  it("colours the map by dataset: each point's code is its dataset's, as the dataset filter lights it", async () => {
    const legend = (await call(routes.map, '/api/map')).body.legends.dataset as { code: number; value: string; count: number }[];
    expect(legend.map((e) => e.value).sort()).toEqual(['copy', 'lm', 'wc']);
    const codes = new Uint8Array(await (await send(routes.values, '/api/map/values?field=dataset')).arrayBuffer());
    for (const e of legend) {
      const coded = codes.filter((x) => x === e.code).length;
      const lit = await send(routes.matches, `/api/map/matches?dataset=${e.value}`);
      expect([coded, e.count], e.value).toEqual([
        Number(lit.headers.get('x-wildscope-matches')),
        Number(lit.headers.get('x-wildscope-matches')),
      ]);
      // Every conversation of the dataset whose first user message is not blank is on the map.
      const dir = e.value === 'lm' ? LMSYS.dir : WILDCHAT.dir;
      expect(coded, e.value).toBe(
        await scalar(
          `SELECT count(*) AS n FROM ${parquet(dir)} WHERE coalesce(regexp_matches(list_filter(conversation, m -> m.role = 'user')[1].content, '\\S'), false)`,
        ),
      );
    }
  });

  it('splits and stacks the charts by dataset', async () => {
    const r = await call(routes.stats, '/api/stats?split=dataset&stack=dataset&topic_split=dataset&interval=month');
    expect(r.status).toBe(200);
    const want = {
      wc: await scalar(`SELECT count(*) AS n FROM ${parquet(WILDCHAT.dir)}`),
      lm: await scalar(`SELECT count(*) AS n FROM ${parquet(LMSYS.dir)}`),
    };
    // Moderation by dataset: each group counts its dataset's scored user and assistant messages.
    expect([...r.body.moderation.groups].sort()).toEqual(['copy', 'lm', 'wc']);
    const scored = (group: string) =>
      r.body.moderation.categories.find((x: { category: string; group: string }) => x.category === 'harassment' && x.group === group)
        .scored;
    const scoredLm = await scalar(
      `SELECT count(*) AS n FROM (SELECT unnest(openai_moderation) AS o FROM ${parquet(LMSYS.dir)}) WHERE o.category_scores.harassment IS NOT NULL`,
    );
    expect(scored('lm')).toBe(scoredLm);
    expect(scored('wc')).toBe(scored('copy'));
    // The time series stacked by dataset: LMSYS records no time, so only the WildChat copies stack, equally.
    expect([...r.body.time.keys].sort()).toEqual(['copy', 'wc']);
    const sum = (k: string) => r.body.time.rows.reduce((a: number, row: { by: Record<string, number> }) => a + (row.by[k] ?? 0), 0);
    expect([sum('wc'), sum('copy')]).toEqual([want.wc, want.wc]);
    // Topic shares within each dataset: the groups' sizes are the datasets'.
    expect(Object.fromEntries(r.body.topics.groups.map((g: { value: string; count: number }) => [g.value, g.count]))).toEqual({
      wc: want.wc,
      copy: want.wc,
      lm: want.lm,
    });
  });
});
