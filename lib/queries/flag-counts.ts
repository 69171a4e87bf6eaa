// How many conversations have each OpenAI moderation category flagged (and any), counted under
// every filter but `flagged` itself.
import { CATEGORIES, underscored, type Category } from '../dataset/moderation';

export type FlagCounts = { value: Category | 'any'; count: number }[];

/** Aggregates over conversations `c` for flagCountsOf to read back. */
export const flagColumns = (): string[] => [
  `count(*) FILTER (WHERE c.flagged)::INTEGER AS "flag_any"`,
  ...CATEGORIES.map((k) => `count(*) FILTER (WHERE c.f_${underscored(k)})::INTEGER AS "flag_${k}"`),
];

export function flagCountsOf(row: Record<string, number>): FlagCounts {
  const cats = CATEGORIES.map((k) => ({ value: k, count: row[`flag_${k}`] ?? 0 })).sort((a, b) => b.count - a.count);
  return [{ value: 'any', count: row.flag_any ?? 0 }, ...cats];
}
