import 'server-only';
// One user (hashed IP) at a glance, over all their conversations: how many, first and last seen,
// and their countries, languages and models with counts.
import { Sql } from '../db/sql';
import { all, one } from '../server/index-db';
import { ISO } from './row-columns';

export interface Counted {
  value: string | null;
  count: number;
}
export interface UserSummary {
  hashed_ip: string;
  conversations: number;
  first_seen: string | null;
  last_seen: string | null;
  countries: Counted[];
  languages: Counted[];
  models: Counted[];
}

/** The breakdowns of one user's conversations (a user's state follows from their country). */
const BREAKDOWNS = ['country', 'language', 'model'] as const;

export async function userSummary(hashedIp: string): Promise<UserSummary> {
  const sql = new Sql();
  const ip = sql.p(hashedIp);
  const [totals, groups] = await Promise.all([
    one<{ n: number; first: string | null; last: string | null }>(
      `SELECT count(*)::INTEGER AS n, ${ISO('min(ts)')} AS first, ${ISO('max(ts)')} AS last FROM conversations WHERE hashed_ip = ${ip}`,
      sql.params,
    ),
    all<{ field: string; value: string | null; count: number }>(
      BREAKDOWNS.map(
        (f) =>
          `SELECT '${f}' AS field, ${f}::VARCHAR AS value, count(*)::INTEGER AS count FROM conversations WHERE hashed_ip = ${ip} GROUP BY ${f}`,
      ).join(' UNION ALL '),
      sql.params,
    ),
  ]);
  const of = (f: string) =>
    groups
      .filter((g) => g.field === f)
      .map(({ value, count }) => ({ value, count }))
      .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  return {
    hashed_ip: hashedIp,
    conversations: totals?.n ?? 0,
    first_seen: totals?.first ?? null,
    last_seen: totals?.last ?? null,
    countries: of('country'),
    languages: of('language'),
    models: of('model'),
  };
}
