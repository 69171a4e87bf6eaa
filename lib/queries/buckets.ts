import 'server-only';
// Turn-count buckets for the explore sidebar, counted under every filter but the turn range
// itself (like the other facets), so choosing a bucket does not hide the others.
import { buildWhere, Sql } from '../filters/where';
import type { Filter } from '../filters/schema';
import type { Connection } from '../db/duckdb';
import { countSource } from './selection';

export const TURN_BUCKETS = [
  { label: '1', min: 1, max: 1 },
  { label: '2', min: 2, max: 2 },
  { label: '3–5', min: 3, max: 5 },
  { label: '6–10', min: 6, max: 10 },
  { label: '11–20', min: 11, max: 20 },
  { label: '21+', min: 21, max: null },
] as const;

export interface TurnBucket { label: string; min: number; max: number | null; count: number }

/** `hits`: the request's matches, as made by withMatches. */
export async function countTurnBuckets(c: Connection, filter: Filter, hits?: string): Promise<TurnBucket[]> {
  const sql = new Sql();
  const src = await countSource(c, filter, hits);
  const w = buildWhere(filter, sql, { omit: 'turns', searched: src.searched });
  const cases = TURN_BUCKETS.map((b, i) =>
    `count(*) FILTER (WHERE c.turns >= ${b.min}${b.max === null ? '' : ` AND c.turns <= ${b.max}`})::INTEGER AS b${i}`);
  const row = (await c.one<Record<string, number>>(`SELECT ${cases.join(', ')} FROM ${src.table} c WHERE ${w.where}`, sql.params)) ?? {};
  return TURN_BUCKETS.map((b, i) => ({ ...b, count: row[`b${i}`] ?? 0 }));
}
