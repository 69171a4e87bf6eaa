import 'server-only';
// The one pass over the selected messages behind the moderation and length charts: every value
// to histogram is binned into a small integer column, then UNPIVOT turns the row into (name, bin)
// pairs counted by one GROUP BY, so all categories share a single scan.
import { CATEGORIES, DETOXIFY, underscored } from '../../dataset/moderation';
import type { Connection, Param } from '../../db/duckdb';
import type { Split } from '../../stats/types';

/** OpenAI scores: two bins a decade from 1e-6 to 1; below 1e-6 joins the first, 1 the last. */
export const MOD_BINS = 12;
/** Detoxify scores: bins of 0.05 from 0 to 1. */
export const DETOX_BINS = 20;

export interface MessageRow { grp: string | null; role: string | null; k: string; v: number; n: number }

export interface MessagePassOptions { moderation: boolean; lengths: boolean; split: Split | null; groups: string[] }

/**
 * `where` is a boolean over conversations `c` from buildWhere (null: every message). Values of an
 * OpenAI category are `bin * 2 + flagged`, NULL when unscored (greatest and least skip NULLs, hence the CASEs); lengths are floor(log2(characters)), -1 for empty or missing text.
 */
export function messagePass(c: Connection, where: string | null, params: Param[], o: MessagePassOptions): Promise<MessageRow[]> {
  const cols: string[] = [];
  if (o.moderation) {
    // Raw bins, clamped in moderation.ts: NULL scores stay NULL (UNPIVOT drops them) with no CASE,
    // and 1e-300 keeps a zero score out of log10's domain error.
    for (const cat of CATEGORIES) {
      const k = underscored(cat);
      cols.push(`(floor(2 * log10(m.s_${k} + 1e-300))::INTEGER * 2 + coalesce(m.f_${k}, false)::INTEGER) AS "o_${k}"`);
    }
    for (const d of DETOXIFY) cols.push(`floor(m.d_${d} * ${DETOX_BINS})::INTEGER AS "d_${d}"`);
  }
  // floor(log2(n + 0.5)) = floor(log2(n)) for n ≥ 1, and -1 for an empty message.
  // n_chars is stored at ingest: reading the text itself would cost seconds at WildChat scale.
  if (o.lengths) cols.push(`floor(log2(m.n_chars + 0.5))::INTEGER AS "len"`);
  // split comes from an allow-list (params.ts); its groups are bound values.
  const byConv = o.split === 'language' || o.split === 'country';
  const grp = o.split === 'role' ? 'm.role' : byConv ? `c.${o.split}` : `'all'`;
  const sql: Param[] = [...params];
  const bind = (v: Param) => { sql.push(v); return `$${sql.length}`; };
  const conds: string[] = [];
  if (byConv) conds.push(`c.${o.split} IN (${o.groups.map(bind).join(', ') || 'NULL'})`);
  if (where && where !== 'true') conds.push(where);
  const from = byConv
    ? `messages m JOIN conversations c ON c.idx = m.conv`
    : `messages m${conds.length ? ` WHERE m.conv IN (SELECT c.idx FROM conversations c WHERE ${conds.join(' AND ')})` : ''}`;
  const filtered = byConv && conds.length ? `${from} WHERE ${conds.join(' AND ')}` : from;
  const names = cols.map((col) => col.slice(col.lastIndexOf(' AS ') + 4));
  return c.all<MessageRow>(`
    SELECT grp, role, k, v, count(*)::INTEGER AS n
    FROM (UNPIVOT (SELECT ${grp} AS grp, m.role, ${cols.join(', ')} FROM ${filtered})
          ON ${names.join(', ')} INTO NAME k VALUE v)
    GROUP BY ALL`, sql);
}
