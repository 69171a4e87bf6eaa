import 'server-only';
// The topic map as the page and the API read it: the topics, every point in one binary answer,
// the points a filter selects (through the same Selection as the listing, restricted to the map),
// a colour code per point, and what a hovered or selected point is. Answers that do not depend on a
// filter are computed once per opened index.
import { createHash } from 'node:crypto';
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { isUnfiltered } from '../filters/where';
import { readManifest } from '../ingest/manifest';
import { bitsetBytes, encodePoints, NO_VALUE, type Bounds } from '../map-view/wire';
import { currentScope, session, type Scope } from '../server/index-db';
import { cachedForScope } from './cache';
import { withSelection } from './selection';
import { topicsOn, type MapTopic } from './topics';

export type { MapTopic };

/** The index holds no topic map (built before maps, or its map step found no text). */
export class NoMapError extends Error {}

/** A colour's legend: code i of /api/map/values means `value` (null: the other values together). */
export interface LegendEntry {
  code: number;
  label: string;
  value: string | null;
  count: number;
}

export const COLOR_FIELDS = ['language', 'model', 'moderation', 'dataset'] as const;
export type ColorField = (typeof COLOR_FIELDS)[number];

export interface MapInfo {
  points: number;
  topics: MapTopic[];
  bounds: Bounds;
  method: string;
  built_at: string;
  legends: Record<ColorField, LegendEntry[]>;
}

interface MapManifest {
  points: number;
  topics: number;
  subtopics: number;
  method: string;
  seconds: number;
  bounds: Bounds;
}

/** The values a colour names one by one; the rest share one code. */
const LEGEND_TOP = 12;

/** Bands of a conversation's highest OpenAI moderation score. */
const MODERATION_BANDS: [lo: number, label: string][] = [
  [0, 'highest score under 0.01'],
  [0.01, 'highest score 0.01 to 0.1'],
  [0.1, 'highest score 0.1 to 0.5'],
  [0.5, 'highest score 0.5 or more'],
];

const n = (v: unknown) => Number(v);

async function readInfo(c: Connection): Promise<MapInfo> {
  const manifest = (await readManifest(c)) as { map?: MapManifest; builtAt?: string };
  if (!manifest.map || !manifest.map.points) throw new NoMapError('this index has no topic map');
  // The bounds of the stored points themselves, so that quantising over them loses nothing at the edges.
  const b = (await c.one<Record<string, number>>(
    'SELECT min(x)::DOUBLE AS x0, min(y)::DOUBLE AS y0, max(x)::DOUBLE AS x1, max(y)::DOUBLE AS y1, count(*)::INTEGER AS n FROM map_points',
  ))!;
  const topics = await topicsOn(c);
  return {
    points: n(b.n),
    topics,
    bounds: [n(b.x0), n(b.y0), n(b.x1), n(b.y1)],
    method: manifest.map.method,
    built_at: manifest.builtAt ?? '',
    legends: {
      language: await valueLegend(c, 'language'),
      model: await valueLegend(c, 'model'),
      moderation: await moderationLegend(c),
      dataset: await valueLegend(c, 'dataset'),
    },
  };
}

async function valueLegend(c: Connection, field: 'language' | 'model' | 'dataset'): Promise<LegendEntry[]> {
  const rows = await c.all<{ v: string | null; n: number }>(
    `SELECT c.${field}::VARCHAR AS v, count(*)::INTEGER AS n FROM map_points p JOIN conversations c ON c.idx = p.conv
     WHERE c.${field} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const top = rows.slice(0, LEGEND_TOP).map((r, code) => ({ code, label: r.v!, value: r.v, count: n(r.n) }));
  const rest = rows.slice(LEGEND_TOP).reduce((a, r) => a + n(r.n), 0);
  return rest ? [...top, { code: top.length, label: `${rows.length - LEGEND_TOP} other values`, value: null, count: rest }] : top;
}

const moderationCase = (col: string) =>
  `CASE WHEN ${col} IS NULL THEN ${NO_VALUE} ${MODERATION_BANDS.map(([lo], i) => `WHEN ${col} >= ${lo} THEN ${i}`)
    .reverse()
    .join(' ')} ELSE 0 END`;

async function moderationLegend(c: Connection): Promise<LegendEntry[]> {
  const rows = await c.all<{ code: number; n: number }>(
    `SELECT ${moderationCase('c.max_moderation')} AS code, count(*)::INTEGER AS n
     FROM map_points p JOIN conversations c ON c.idx = p.conv GROUP BY 1`,
  );
  const counts = new Map(rows.map((r) => [n(r.code), n(r.n)]));
  return MODERATION_BANDS.map(([, label], code) => ({ code, label, value: null, count: counts.get(code) ?? 0 }));
}

/**
 * Runs `compute` once per opened index for `key`, on a pooled connection. Answers that need the
 * map's info get it first (`getMapInfo`), never from inside another's session: a session waiting
 * for a second connection could wait on the sessions waiting for it.
 */
async function perIndex<T>(key: string, compute: (c: Connection, info: MapInfo) => Promise<T>): Promise<T> {
  const info = key === INFO ? undefined : await getMapInfo();
  return cachedForScope(await currentScope(), key, () => session((c) => compute(c, info!)));
}

const INFO = 'map:info';
export const getMapInfo = (): Promise<MapInfo> => perIndex(INFO, readInfo);

export interface MapPoints {
  /** The binary answer (wire.ts encodePoints). */
  bytes: Uint8Array;
  /** Each point's level-2 topic num, by ordinal. */
  topic: Uint16Array;
  /** Names this index build's points, for the browser's cache. */
  etag: string;
}

export const getMapPoints = (): Promise<MapPoints> =>
  perIndex('map:points', async (c, info) => {
    const [x, y, topic] = await c.columns<[number, number, number]>('SELECT x, y, topic FROM map_points ORDER BY ord');
    if (x.length !== info.points) throw new Error(`map_points has ${x.length} rows, the manifest says ${info.points}`);
    const cols = { x: Float32Array.from(x), y: Float32Array.from(y), topic: Uint16Array.from(topic) };
    const bytes = encodePoints(cols, info.bounds);
    const etag = `"map-${createHash('sha256').update(info.built_at).update(bytes).digest('base64url').slice(0, 22)}"`;
    return { bytes, topic: cols.topic, etag };
  });

export interface MapMatches {
  /** Conversations on the map that the filter selects. */
  count: number;
  /** A bitset over ordinals (wire.ts): bit i set when point i matches. */
  bits: Uint8Array;
}

/** The bits of a BIT string as DuckDB prints it ('0110…', position 0 first). */
function bitsOfString(s: string, points: number): Uint8Array {
  const bits = new Uint8Array(bitsetBytes(points));
  for (let i = 0; i < s.length && i < points; i++) if (s.charCodeAt(i) === 49) bits[i >> 3]! |= 1 << (i & 7);
  return bits;
}

async function computeMatches(filter: Filter, points: number): Promise<MapMatches> {
  if (isUnfiltered(filter)) {
    const bits = new Uint8Array(bitsetBytes(points)).fill(255);
    if (points & 7) bits[bits.length - 1] = (1 << (points & 7)) - 1;
    return { count: points, bits };
  }
  return withSelection(filter, async (c, sel) => {
    const sql = new Sql();
    const where = sel.where(sql);
    const r = await c.one<{ n: number; b: string | null }>(
      `SELECT count(*)::INTEGER AS n, bitstring_agg(p.ord, 0::UINTEGER, ${points - 1}::UINTEGER)::VARCHAR AS b
       FROM conversations c JOIN map_points p ON p.conv = c.idx WHERE ${where}`,
      sql.params,
    );
    return { count: n(r!.n), bits: r!.b ? bitsOfString(r!.b, points) : new Uint8Array(bitsetBytes(points)) };
  });
}

/** A few recent filters' matches per index: the page counts them, then its script asks for the same bits. */
const recent = new WeakMap<Scope, Map<string, Promise<MapMatches>>>();
const RECENT = 16;

/**
 * The map's points that `filter` selects. `key` names the filter (its query string): the page and
 * the request its script makes right after share one computation.
 */
export async function getMapMatches(filter: Filter, key: string): Promise<MapMatches> {
  const scope = await currentScope();
  let m = recent.get(scope);
  if (!m) recent.set(scope, (m = new Map()));
  const hit = m.get(key);
  if (hit) {
    m.delete(key);
    m.set(key, hit);
    return hit;
  }
  const p = getMapInfo().then((info) => computeMatches(filter, info.points));
  m.set(key, p);
  if (m.size > RECENT) m.delete(m.keys().next().value!);
  p.catch(() => m.delete(key));
  return p;
}

/** A byte per point (by ordinal) naming its value of `field` in the legend of getMapInfo (NO_VALUE: none). */
export const getMapValues = (field: ColorField): Promise<Uint8Array> =>
  perIndex(`map:values:${field}`, async (c, info) => {
    const sql = new Sql();
    let code: string;
    if (field === 'moderation') {
      code = moderationCase('c.max_moderation');
    } else {
      const legend = info.legends[field];
      const named = legend.filter((e) => e.value !== null);
      const other = legend.find((e) => e.value === null);
      code = `CASE WHEN c.${field} IS NULL THEN ${NO_VALUE} ${named
        .map((e) => `WHEN c.${field}::VARCHAR = ${sql.p(e.value)} THEN ${e.code}`)
        .join(' ')} ELSE ${other ? other.code : NO_VALUE} END`;
    }
    const [codes] = await c.columns<[number]>(
      `SELECT (${code})::UTINYINT AS code FROM map_points p JOIN conversations c ON c.idx = p.conv ORDER BY p.ord`,
      sql.params,
    );
    return Uint8Array.from(codes);
  });

/** What a hovered or selected point is. */
export interface MapPointInfo {
  ord: number;
  id: string;
  conversation_hash: string | null;
  /** The first 300 characters of its first non-empty user message. */
  preview: string | null;
  language: string | null;
  model: string | null;
  topic: { id: string; label: string; parent: { id: string; label: string } | null } | null;
}

/** The points of these ordinals (at most 200), in the order asked; an ordinal past the last point is left out. */
export async function lookupPoints(ords: readonly number[]): Promise<MapPointInfo[]> {
  const info = await getMapInfo();
  const asked = [...new Set(ords.filter((o) => Number.isInteger(o) && o >= 0 && o < info.points))].slice(0, 200);
  if (!asked.length) return [];
  const byNum = new Map(info.topics.filter((t) => t.num !== null).map((t) => [t.num!, t]));
  const byId = new Map(info.topics.map((t) => [t.id, t]));
  return session(
    async (c) => {
      const pts = await c.all<{ ord: number; conv: number; topic: number }>(
        `SELECT ord, conv, topic FROM map_points WHERE ord IN (${asked.join(', ')})`,
      );
      if (!pts.length) return [];
      const rows = await c.all<Record<string, unknown>>(
        `SELECT c.idx, c.id, c.conversation_hash, c.preview, c.language::VARCHAR AS language, c.model::VARCHAR AS model
         FROM conversations c WHERE c.idx IN (${pts.map((p) => n(p.conv)).join(', ')})`,
      );
      const byIdx = new Map(rows.map((r) => [n(r.idx), r]));
      const byOrd = new Map(pts.map((p) => [n(p.ord), p]));
      return asked.flatMap((ord) => {
        const p = byOrd.get(ord);
        const r = p && byIdx.get(n(p.conv));
        if (!p || !r) return [];
        const t = byNum.get(n(p.topic));
        const parent = t?.parent ? byId.get(t.parent) : undefined;
        return [
          {
            ord,
            id: String(r.id),
            conversation_hash: (r.conversation_hash as string | null) ?? null,
            preview: (r.preview as string | null) ?? null,
            language: (r.language as string | null) ?? null,
            model: (r.model as string | null) ?? null,
            topic: t ? { id: t.id, label: t.label, parent: parent ? { id: parent.id, label: parent.label } : null } : null,
          },
        ];
      });
    },
    { point: true },
  );
}

/** How many of the filter's matches each level-2 topic holds (by topic num). */
export function countByTopic(points: MapPoints, matches: MapMatches): Map<number, number> {
  const out = new Map<number, number>();
  const { topic } = points;
  for (let i = 0; i < topic.length; i++) {
    if (matches.bits[i >> 3]! & (1 << (i & 7))) out.set(topic[i]!, (out.get(topic[i]!) ?? 0) + 1);
  }
  return out;
}
