import 'server-only';
// A view's total, turn buckets and flag counts. The buckets are counted without the turn range and
// the flags without `flagged`; when neither is filtered all three share one scan.
import type { Connection, Param } from '../db/duckdb';
import { Sql } from '../db/sql';
import { isUnfiltered, type OmitField } from '../filters/where';
import { flagColumns, flagCountsOf, type FlagCounts } from './flag-counts';
import { turnBucketColumns, turnBucketsOf, type TurnBucket } from './turn-buckets';
import { cachedPerIndex } from './cache';
import type { Selection } from './selection';

export interface Summary {
  total: number;
  turns: TurnBucket[];
  flags: FlagCounts;
}

/** The selection's summary; unfiltered, cached per index. */
export function countSummary(c: Connection, sel: Selection): Promise<Summary> {
  return isUnfiltered(sel.filter) ? cachedPerIndex(c, 'explore|summary', () => compute(c, sel)) : compute(c, sel);
}

async function compute(c: Connection, sel: Selection): Promise<Summary> {
  // Queries keyed by their WHERE: a part whose own filter is unset shares the total's.
  const queries = new Map<string, { where: string; params: Param[]; cols: string[] }>();
  const add = (omit: OmitField | undefined, cols: string[]) => {
    const sql = new Sql();
    const where = sel.where(sql, { omit });
    const key = JSON.stringify([where, sql.params.map(String)]);
    const q = queries.get(key) ?? { where, params: sql.params, cols: [] };
    queries.set(key, q);
    q.cols.push(...cols);
  };
  add(undefined, ['count(*)::INTEGER AS total']);
  add('turns', turnBucketColumns());
  add('flagged', flagColumns());
  const row: Record<string, number> = {};
  for (const q of queries.values()) {
    Object.assign(row, await c.one<Record<string, number>>(`SELECT ${q.cols.join(', ')} FROM conversations c WHERE ${q.where}`, q.params));
  }
  return { total: row.total ?? 0, turns: turnBucketsOf(row), flags: flagCountsOf(row) };
}
