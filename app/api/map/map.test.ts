import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FILE } from '@/lib/config';
import { literal } from '@/lib/db/duckdb';
import { decodePoints, hasBit, NO_VALUE, POINT_BYTES, QUANT_MAX, type Bounds } from '@/lib/map-view/wire';
import { duck, parquet, scalar } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { hasPhrase, hasWord } from '@/test/oracle';
import { call, send, type Handler } from '@/test/requests';

let routes: { map: Handler; points: Handler; matches: Handler; values: Handler; lookup: Handler; list: Handler };
const T = parquet(WILDCHAT.dir);

/** The stored map, read by DuckDB from the index file itself: each point's ordinal, conversation id, coordinates and topic. */
interface Stored {
  ord: number;
  id: string;
  x: number;
  y: number;
  topic: number;
}
let stored: Stored[];

async function bytesOf(path: string, h: Handler, init?: RequestInit): Promise<{ res: Response; bytes: Uint8Array }> {
  const res = await send(h, path, {}, init as never);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  routes = {
    map: (await import('./route')).GET as unknown as Handler,
    points: (await import('./points/route')).GET as unknown as Handler,
    matches: (await import('./matches/route')).GET as unknown as Handler,
    values: (await import('./values/route')).GET as unknown as Handler,
    lookup: (await import('./lookup/route')).GET as unknown as Handler,
    list: (await import('../conversations/route')).GET as unknown as Handler,
  };
  const c = await duck();
  await c.run(`ATTACH ${literal(join(WILDCHAT_CACHE, INDEX_FILE))} AS ix (READ_ONLY)`);
  stored = (
    await c.all<Stored>(
      `SELECT p.ord::INTEGER AS ord, c.id, p.x::DOUBLE AS x, p.y::DOUBLE AS y, p.topic::INTEGER AS topic
       FROM ix.map_points p JOIN ix.conversations c ON c.idx = p.conv ORDER BY p.ord`,
    )
  ).map((r) => ({ ...r, ord: Number(r.ord), x: Number(r.x), y: Number(r.y), topic: Number(r.topic) }));
});

/** The ids of the Parquet's conversations where `where` holds (DuckDB's answer, not the index's). */
async function idsWhere(where: string): Promise<Set<string>> {
  const rows = await (await duck()).all<{ id: string }>(`SELECT conversation[1].turn_identifier::VARCHAR AS id FROM ${T} WHERE ${where}`);
  return new Set(rows.map((r) => r.id));
}

describe('the topic map API on the fixture index', () => {
  it('describes the map: every stored point counted, its topics, bounds holding every point', async () => {
    const r = await call(routes.map, '/api/map');
    expect(r.status).toBe(200);
    expect(r.body.points).toBe(stored.length);
    expect(stored.length).toBeGreaterThan(300);
    const topics = await (
      await duck()
    ).all<{ id: string; parent: string | null; count: number }>('SELECT id, parent, count::INTEGER AS count FROM ix.topics ORDER BY id');
    expect((r.body.topics as { id: string }[]).map((t) => t.id).sort()).toEqual(topics.map((t) => t.id).sort());
    for (const t of r.body.topics) expect(Object.keys(t).sort()).toEqual(['count', 'id', 'label', 'parent', 'terms', 'x', 'y']);
    const [x0, y0, x1, y1] = r.body.bounds as Bounds;
    for (const p of stored) {
      expect(p.x).toBeGreaterThanOrEqual(x0);
      expect(p.x).toBeLessThanOrEqual(x1);
      expect(p.y).toBeGreaterThanOrEqual(y0);
      expect(p.y).toBeLessThanOrEqual(y1);
    }
    expect(typeof r.body.method).toBe('string');
    expect(typeof r.body.built_at).toBe('string');
    expect((await call(routes.map, '/api/map?x=1')).status).toBe(400);
  });

  it('sends every point in 6 bytes, in ordinal order, as map_points holds them; the browser may keep them', async () => {
    const bounds = (await call(routes.map, '/api/map')).body.bounds as Bounds;
    const { res, bytes } = await bytesOf('/api/map/points', routes.points);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(bytes.byteLength).toBe(stored.length * POINT_BYTES);
    const pts = decodePoints(bytes, bounds);
    const step = [(bounds[2] - bounds[0]) / QUANT_MAX, (bounds[3] - bounds[1]) / QUANT_MAX];
    stored.forEach((p, i) => {
      expect(Math.abs(pts.x[i]! - p.x), `x of ${i}`).toBeLessThanOrEqual(step[0]! / 2 + 1e-4);
      expect(Math.abs(pts.y[i]! - p.y), `y of ${i}`).toBeLessThanOrEqual(step[1]! / 2 + 1e-4);
      expect(pts.topic[i], `topic of ${i}`).toBe(p.topic);
    });
    // The raw layout: little-endian uint16 x, y, topic.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(4, true)).toBe(stored[0]!.topic);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    const again = await bytesOf('/api/map/points', routes.points, { headers: { 'if-none-match': etag! } });
    expect(again.res.status).toBe(304);
    expect(again.bytes.byteLength).toBe(0);
    expect((await bytesOf('/api/map/points', routes.points, { headers: { 'if-none-match': '"other"' } })).res.status).toBe(200);
  });

  it("lights the points DuckDB finds for a filter, as many as the listing's total restricted to the map", async () => {
    const lang = await scalar<string>(`SELECT language FROM ${T} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const broad = await (await duck()).all<{ id: string }>('SELECT id FROM ix.topics WHERE parent IS NULL');
    const onTheMap = broad.map((t) => `topic=${t.id}`).join('&');
    const e = (s: string) => s.replace(/'/g, "''");
    const cases: [string, string][] = [
      [`language=${encodeURIComponent(lang)}`, `language = '${e(lang)}'`],
      [`not_language=${encodeURIComponent(lang)}&turns_min=2`, `language <> '${e(lang)}' AND turn >= 2`],
      ['q=the&role=user', hasWord('the', 'user')],
      [`q=${encodeURIComponent('"of the"')}`, hasPhrase(['of', 'the'])],
      ['toxic=true', 'toxic'],
      ['language=Nowhere', 'false'],
    ];
    for (const [qs, where] of cases) {
      const want = await idsWhere(where);
      const { res, bytes } = await bytesOf(`/api/map/matches?${qs}`, routes.matches);
      expect(res.status, qs).toBe(200);
      expect(bytes.byteLength).toBe(Math.ceil(stored.length / 8));
      const lit = stored.filter((p) => hasBit(bytes, p.ord)).map((p) => p.id);
      const onMap = stored.filter((p) => want.has(p.id)).map((p) => p.id);
      expect(lit.sort(), qs).toEqual(onMap.sort());
      expect(Number(res.headers.get('x-wildscope-matches')), qs).toBe(onMap.length);
      // The listing counts the whole selection; restricted to the map (every broad topic), it counts what the map lights.
      const listed = (await call(routes.list, `/api/conversations?${qs}&limit=1`)).body.total as number;
      expect(listed, qs).toBe(want.size);
      const restricted = (await call(routes.list, `/api/conversations?${qs}&${onTheMap}&limit=1`)).body.total as number;
      expect(restricted, qs).toBe(onMap.length);
    }
    const everything = await bytesOf('/api/map/matches', routes.matches);
    expect(Number(everything.res.headers.get('x-wildscope-matches'))).toBe(stored.length);
    expect(stored.every((p) => hasBit(everything.bytes, p.ord))).toBe(true);
  });

  it('refuses bad parameters by name, as the other routes do', async () => {
    for (const [path, param] of [
      ['/api/map/matches?limit=5', 'limit'],
      ['/api/map/matches?color=topic', 'color'],
      ['/api/map/matches?frobnicate=1', 'frobnicate'],
      ['/api/map/matches?turns_min=x', 'turns_min'],
      ['/api/map/matches?q=%22%22', 'q'],
      ['/api/map/values?field=country', 'field'],
      ['/api/map/values', 'field'],
      ['/api/map/lookup?ord=abc', 'ord'],
      ['/api/map/lookup', 'ord'],
      ['/api/map/points?x=1', 'x'],
    ] as const) {
      const h = path.startsWith('/api/map/matches')
        ? routes.matches
        : path.startsWith('/api/map/values')
          ? routes.values
          : path.startsWith('/api/map/lookup')
            ? routes.lookup
            : routes.points;
      const r = await call(h, path);
      expect(r.status, path).toBe(400);
      expect(r.body.parameter, path).toBe(param);
    }
  });

  it("gives each point's language code, the legend naming DuckDB's value of its conversation", async () => {
    const legend = (await call(routes.map, '/api/map')).body.legends.language as { code: number; value: string | null }[];
    const { res, bytes } = await bytesOf('/api/map/values?field=language', routes.values);
    expect(res.status).toBe(200);
    expect(bytes.byteLength).toBe(stored.length);
    const langOf = new Map(
      (
        await (
          await duck()
        ).all<{ id: string; language: string | null }>(`SELECT conversation[1].turn_identifier::VARCHAR AS id, language FROM ${T}`)
      ).map((r) => [r.id, r.language]),
    );
    const named = new Map(legend.filter((e) => e.value !== null).map((e) => [e.value!, e.code]));
    const other = legend.find((e) => e.value === null)?.code;
    for (const p of stored) {
      const lang = langOf.get(p.id) ?? null;
      expect(bytes[p.ord], p.id).toBe(lang === null ? NO_VALUE : (named.get(lang) ?? other));
    }
    const moderation = await bytesOf('/api/map/values?field=moderation', routes.values);
    expect(moderation.bytes.byteLength).toBe(stored.length);
  });

  it('names the conversation, first message and topic of a point', async () => {
    const picks = [0, Math.floor(stored.length / 2), stored.length - 1];
    const r = await call(routes.lookup, `/api/map/lookup?${picks.map((o) => `ord=${o}`).join('&')}&ord=${stored.length + 5}`);
    expect(r.status).toBe(200);
    expect(r.body.rows.map((x: { ord: number }) => x.ord)).toEqual(picks);
    const topics = new Map(
      (await (await duck()).all<{ num: number; id: string }>('SELECT num::INTEGER AS num, id FROM ix.topics WHERE level = 2')).map((t) => [
        Number(t.num),
        t.id,
      ]),
    );
    for (const row of r.body.rows as { ord: number; id: string; preview: string | null; topic: { id: string } }[]) {
      const p = stored[row.ord]!;
      expect(row.id).toBe(p.id);
      expect(row.topic.id).toBe(topics.get(p.topic));
      const first = await scalar<string>(
        `SELECT list_filter(conversation, m -> m.role = 'user' AND length(trim(m.content)) > 0)[1].content FROM ${T}
         WHERE conversation[1].turn_identifier::VARCHAR = '${p.id}'`,
      );
      expect(first.startsWith(row.preview!.slice(0, 100).trimEnd())).toBe(true);
    }
  });
});
