import 'server-only';
// How many conversations have each OpenAI moderation category flagged (and any), counted under
// every filter but `flagged` itself.
import { CATEGORIES, underscored, type Category } from '../dataset/moderation';
import { buildWhere, Sql } from '../filters/where';
import type { Filter } from '../filters/schema';
import type { Connection } from '../db/duckdb';
import { countSource } from './selection';

export type FlagCounts = { value: Category | 'any'; count: number }[];

/** `hits`: the request's matches, as made by withMatches. */
export async function countFlags(c: Connection, filter: Filter, hits?: string): Promise<FlagCounts> {
  const sql = new Sql();
  const src = await countSource(c, filter, hits);
  const w = buildWhere(filter, sql, { omit: 'flagged', searched: src.searched });
  const cols = [`count(*) FILTER (WHERE c.flagged)::INTEGER AS "any"`,
    ...CATEGORIES.map((k) => `count(*) FILTER (WHERE c.f_${underscored(k)})::INTEGER AS "${k}"`)];
  const row = (await c.one<Record<string, number>>(`SELECT ${cols.join(', ')} FROM ${src.table} c WHERE ${w.where}`, sql.params)) ?? {};
  const cats = CATEGORIES.map((k) => ({ value: k, count: row[k] ?? 0 })).sort((a, b) => b.count - a.count);
  return [{ value: 'any', count: row.any ?? 0 }, ...cats];
}
