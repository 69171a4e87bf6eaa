// Topic shares against DuckDB's own count of the map's stored assignments (map_points joined to
// topics), not against the conversations' broad_topic column the charts read.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/test/csv';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { call, type Handler } from '@/test/requests';
import { INDEX_FILE } from '@/lib/config';
import { Database, type Connection } from '@/lib/db/duckdb';

let stats: Handler;
let chart: Handler;
let db: Database;
let c: Connection;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  stats = (await import('./route')).GET as unknown as Handler;
  chart = (await import('./[chart]/route')).GET as unknown as Handler;
  db = await Database.open(join(WILDCHAT_CACHE, INDEX_FILE), { readOnly: true, threads: 1 });
  c = await db.connect();
  // Each conversation with the broad topic the map stored for its point (none without a point).
  await c.run(`CREATE TEMP TABLE assigned AS SELECT v.language::VARCHAR AS language, v.country::VARCHAR AS country,
      v.model::VARCHAR AS model, v.turns, t.parent AS broad
    FROM conversations v LEFT JOIN map_points p ON p.conv = v.idx LEFT JOIN topics t ON t.level = 2 AND t.num = p.topic`);
});
afterAll(() => db.close());

interface Topics {
  split: string | null;
  topics: { value: string | null; label: string | null; count: number; flagged: number }[];
  groups: { value: string; count: number }[];
  cells: { group: string; topic: string | null; count: number }[];
}

const get = async (qs: string): Promise<Topics> => {
  const r = await call(chart, `/api/stats/topics?${qs}`, { chart: 'topics' });
  expect(r.status, qs).toBe(200);
  return JSON.parse(r.text);
};
const key = (v: string | null) => v ?? '∅';
const byKey = <T extends { count: number }>(xs: T[], k: (x: T) => string) => Object.fromEntries(xs.map((x) => [k(x), x.count]));

describe('/api/stats/topics', () => {
  it('ranks the broad topics by conversations, with their labels, as the map stored them', async () => {
    const want = await c.all<{ broad: string | null; label: string | null; count: number }>(
      `SELECT a.broad, t.label, count(*)::INTEGER AS count FROM assigned a LEFT JOIN topics t ON t.id = a.broad AND t.level = 1 GROUP BY ALL`,
    );
    expect(want.length).toBeGreaterThan(2);
    const got = await get('');
    expect(got.split).toBeNull();
    expect(byKey(got.topics, (t) => key(t.value))).toEqual(byKey(want, (w) => key(w.broad)));
    for (const w of want) expect(got.topics.find((t) => t.value === w.broad)?.label, key(w.broad)).toBe(w.label);
    expect(got.topics.reduce((a, t) => a + t.count, 0)).toBe(WILDCHAT.conversations);
    const counts = got.topics.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('is drawn without its own filter, and says so', async () => {
    const [top] = await c.all<{ broad: string }>(
      'SELECT broad FROM assigned WHERE broad IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
    );
    const r = await call(chart, `/api/stats/topics?topic=${top!.broad}&turns_min=2`, { chart: 'topics' });
    expect(r.headers.get('x-wildscope-omitted')).toBe('topic');
    const want = await c.all<{ broad: string | null; count: number }>(
      'SELECT broad, count(*)::INTEGER AS count FROM assigned WHERE turns >= 2 GROUP BY 1',
    );
    expect(byKey(JSON.parse(r.text).topics as Topics['topics'], (t) => key(t.value))).toEqual(byKey(want, (w) => key(w.broad)));
    const whole = JSON.parse((await call(stats, `/api/stats?topic=${top!.broad}&turns_min=2`)).text);
    expect(whole.omitted.topics).toBe('topic');
    expect(whole.omitted_totals.topics).toBe(want.reduce((a, w) => a + w.count, 0));
    expect(whole.total).toBe(want.find((w) => w.broad === top!.broad)?.count);
  });

  it('splits the shares by the top six languages, countries or models, each counted as the map stored them', async () => {
    for (const split of ['language', 'country', 'model']) {
      for (const [qs, where] of [
        ['', 'true'],
        ['not_country=United+States', `country IS DISTINCT FROM 'United States'`],
      ]) {
        const got = await get(`${qs}&topic_split=${split}`);
        expect(got.split).toBe(split);
        const groups = await c.all<{ value: string; count: number }>(
          `SELECT ${split} AS value, count(*)::INTEGER AS count FROM assigned WHERE ${where} AND ${split} IS NOT NULL
           GROUP BY 1 ORDER BY count DESC, value LIMIT 6`,
        );
        expect(groups.length, split).toBeGreaterThan(1);
        expect(got.groups, `${split} ${qs}`).toEqual(groups);
        const cells = await c.all<{ group: string; broad: string | null; count: number }>(
          `SELECT ${split} AS "group", broad, count(*)::INTEGER AS count FROM assigned
           WHERE ${where} AND ${split} IN (${groups.map((g) => `'${g.value.replace(/'/g, "''")}'`).join(', ')}) GROUP BY ALL`,
        );
        expect(
          byKey(got.cells, (x) => `${x.group}|${key(x.topic)}`),
          `${split} ${qs}`,
        ).toEqual(byKey(cells, (x) => `${x.group}|${key(x.broad)}`));
        // Each group's topics add up to its conversations, so its shares add up to one.
        for (const g of got.groups)
          expect(
            got.cells.filter((x) => x.group === g.value).reduce((a, x) => a + x.count, 0),
            g.value,
          ).toBe(g.count);
      }
    }
  });

  it('writes the same numbers as CSV, and /api/stats carries the same piece', async () => {
    const qs = 'not_country=United+States&topic_split=model';
    const json = await get(qs);
    const r = await call(chart, `/api/stats/topics?${qs}&format=csv`, { chart: 'topics' });
    expect(r.headers.get('content-disposition')).toContain('wildscope-topics.csv');
    const [header, ...rows] = parseCsv(r.text);
    expect(header).toEqual(['model', 'conversations', 'topic', 'label', 'count']);
    const label = new Map(json.topics.map((t) => [t.value, t.label ?? '']));
    const groupOf = new Map(json.groups.map((g) => [g.value, String(g.count)]));
    expect(rows).toEqual(json.cells.map((x) => [x.group, groupOf.get(x.group), x.topic ?? '', label.get(x.topic), String(x.count)]));
    const plain = parseCsv((await call(chart, '/api/stats/topics?format=csv', { chart: 'topics' })).text);
    expect(plain[0]).toEqual(['topic', 'label', 'count', 'flagged']);
    expect(plain.length - 1).toBe((await get('')).topics.length);
    const whole = JSON.parse((await call(stats, `/api/stats?${qs}`)).text);
    expect(whole.topics).toEqual(json);
  });

  it('refuses a split it does not know, by name', async () => {
    for (const qs of ['topic_split=role', 'topic_split=model&topic_split=language']) {
      const r = await call(stats, `/api/stats?${qs}`);
      expect(r.status, qs).toBe(400);
      expect(JSON.parse(r.text).parameter).toBe('topic_split');
    }
  });
});
