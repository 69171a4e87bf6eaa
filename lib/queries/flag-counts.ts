import 'server-only';
// How many conversations have each OpenAI moderation category flagged (and any), counted under
// every filter but `flagged` itself.
import { CATEGORIES, underscored, type Category } from '../dataset/moderation';
import { buildWhere, Sql } from '../filters/where';
import type { Filter } from '../filters/schema';
import { all } from '../server/index-db';

export type FlagCounts = { value: Category | 'any'; count: number }[];

export async function countFlags(filter: Filter): Promise<FlagCounts> {
  const sql = new Sql();
  const w = buildWhere({ ...filter, flagged: [] }, sql);
  const cols = [`count(*) FILTER (WHERE c.flagged)::INTEGER AS "any"`,
    ...CATEGORIES.map((c) => `count(*) FILTER (WHERE c.f_${underscored(c)})::INTEGER AS "${c}"`)];
  const row = (await all<Record<string, number>>(`SELECT ${cols.join(', ')} FROM conversations c WHERE ${w.where}`, sql.params))[0] ?? {};
  const cats = CATEGORIES.map((c) => ({ value: c, count: row[c] ?? 0 })).sort((a, b) => b.count - a.count);
  return [{ value: 'any', count: row.any ?? 0 }, ...cats];
}
