import 'server-only';
// The one pass over the selected messages behind the moderation and length charts: every value
// to histogram is a small integer (score bins stored at ingest, see lib/stats/bins.ts), then
// UNPIVOT turns the row into (name, bin) pairs counted by one GROUP BY, so all share one scan.
import { CATEGORIES, DETOXIFY, underscored } from '../../dataset/moderation';
import type { Connection, Param } from '../../db/duckdb';
import type { Split } from '../../stats/types';

export interface MessageRow { grp: string | null; role: string | null; k: string; v: number; n: number }

export interface MessagePassOptions { moderation: boolean; lengths: boolean; split: Split | null; groups: string[] }

/**
 * `where` is a boolean over conversations `c` from buildWhere (null: every message). Values of an
 * OpenAI category are its stored bin (lib/stats/bins.ts), NULL when unscored, which UNPIVOT drops;
 * lengths are floor(log2(characters)), -1 for empty or missing text.
 */
export function messagePass(c: Connection, where: string | null, params: Param[], o: MessagePassOptions): Promise<MessageRow[]> {
  const cols: string[] = [];
  if (o.moderation) {
    for (const cat of CATEGORIES) cols.push(`m.bo_${underscored(cat)} AS "o_${underscored(cat)}"`);
    for (const d of DETOXIFY) cols.push(`m.bd_${d} AS "d_${d}"`);
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
