// The topic filter and facet against DuckDB's own count of the map's stored assignments
// (map_points joined to topics), not against the conversations' topic columns the filter reads.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { call, type Handler } from '@/test/requests';
import { INDEX_FILE } from '@/lib/config';
import { Database, type Connection } from '@/lib/db/duckdb';

let routes: { list: Handler; facets: Handler; one: Handler };
let db: Database;
let c: Connection;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  routes = {
    list: (await import('./conversations/route')).GET as unknown as Handler,
    facets: (await import('./facets/route')).GET as unknown as Handler,
    one: (await import('./conversations/[id]/route')).GET as unknown as Handler,
  };
  db = await Database.open(join(WILDCHAT_CACHE, INDEX_FILE), { readOnly: true, threads: 1 });
  c = await db.connect();
});
afterAll(() => db.close());

/** Conversations the map assigned to any of `ids` (a broad id takes its subtopics), counted from map_points. */
async function assigned(ids: string[]): Promise<number> {
  const list = ids.map((t) => `'${t}'`).join(', ');
  const r = await c.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM map_points p JOIN topics t ON t.level = 2 AND t.num = p.topic
    WHERE t.id IN (${list}) OR t.parent IN (${list})`);
  return r!.n;
}

describe('the topic filter', () => {
  it('totals, for topics of both levels, one or several, and their exclusion, what the map stored', async () => {
    const topics = await c.all<{ id: string; level: number }>('SELECT id, level::INTEGER AS level FROM topics ORDER BY count DESC, id');
    const broad = topics.filter((t) => t.level === 1).map((t) => t.id);
    const fine = topics.filter((t) => t.level === 2).map((t) => t.id);
    expect(broad.length).toBeGreaterThan(1);
    const cases = [[broad[0]!], [fine[0]!], [fine[fine.length - 1]!], [broad[1]!, fine[0]!], [broad[0]!, fine[0]!]];
    for (const ids of cases) {
      const qs = ids.map((t) => `topic=${t}`).join('&');
      const yes = await call(routes.list, `/api/conversations?${qs}&limit=1`);
      expect(yes.status).toBe(200);
      const want = await assigned(ids);
      expect(want).toBeGreaterThan(0);
      expect(yes.body.total, qs).toBe(want);
      const no = await call(routes.list, `/api/conversations?${ids.map((t) => `not_topic=${t}`).join('&')}&limit=1`);
      expect(no.body.total, `not ${qs}`).toBe(WILDCHAT.conversations - want);
    }
    // An id no topic has matches nothing, and is no error.
    const none = await call(routes.list, '/api/conversations?topic=t999.9');
    expect(none.status).toBe(200);
    expect(none.body.total).toBe(0);
  });

  it('lists the subtopics with their labels and counts in the facets, and each row its subtopic', async () => {
    const r = await call(routes.facets, '/api/facets');
    const want = await c.all<{ value: string; label: string; count: number }>(`SELECT t.id AS value, t.label, count(*)::INTEGER AS count
      FROM map_points p JOIN topics t ON t.level = 2 AND t.num = p.topic GROUP BY ALL ORDER BY count DESC, value LIMIT 5`);
    expect(r.body.topic.slice(0, 5)).toEqual(want);
    const rows = await call(routes.list, `/api/conversations?topic=${want[0]!.value}&limit=5`);
    expect(rows.body.rows.map((x: { topic: string }) => x.topic)).toEqual(Array(Math.min(5, want[0]!.count)).fill(want[0]!.value));
    const one = await call(routes.one, `/api/conversations/${rows.body.rows[0].id}`, { id: rows.body.rows[0].id });
    expect(one.body.topic).toBe(want[0]!.value);
  });
});
