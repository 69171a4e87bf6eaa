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
  /** Conversations with a message flagged by OpenAI moderation. */
  flagged: number;
  /** Activity by month (UTC, 'YYYY-MM'): conversations, flagged ones, and their models and languages. */
  months: { month: string; count: number; flagged: number; models: Counted[]; languages: Counted[] }[];
}

/** The breakdowns of one user's conversations (a user's state follows from their country). */
const BREAKDOWNS = ['country', 'language', 'model'] as const;

export async function userSummary(hashedIp: string): Promise<UserSummary> {
  const sql = new Sql();
  const ip = sql.p(hashedIp);
  const [totals, groups, months] = await Promise.all([
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
    all<{ month: string | null; field: string; value: string | null; count: number; flagged: number }>(
      (['model', 'language'] as const)
        .map(
          (f) => `SELECT strftime(ts, '%Y-%m') AS month, '${f}' AS field, ${f}::VARCHAR AS value, count(*)::INTEGER AS count,
            count(*) FILTER (WHERE flagged)::INTEGER AS flagged FROM conversations WHERE hashed_ip = ${ip} GROUP BY ALL`,
        )
        .join(' UNION ALL '),
      sql.params,
    ),
  ]);
  const byMonth = new Map<string, UserSummary['months'][number]>();
  for (const r of months) {
    const month = r.month ?? 'unknown';
    const m = byMonth.get(month) ?? { month, count: 0, flagged: 0, models: [], languages: [] };
    if (r.field === 'model') {
      m.count += r.count;
      m.flagged += r.flagged;
      m.models.push({ value: r.value, count: r.count });
    } else m.languages.push({ value: r.value, count: r.count });
    byMonth.set(month, m);
  }
  for (const m of byMonth.values()) for (const xs of [m.models, m.languages]) xs.sort((a, b) => b.count - a.count);
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
    flagged: [...byMonth.values()].reduce((a, m) => a + m.flagged, 0),
    months: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}
