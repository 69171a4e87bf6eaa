import 'server-only';
// The one pass over the selected messages behind the moderation and length charts: every value
// to histogram is a small integer (score bins stored at ingest, see lib/stats/bins.ts), each
// counted by its own grouping set of a single scan.
import { CATEGORIES, DETOXIFY, underscored } from '../../dataset/moderation';
import type { Connection, Param } from '../../db/duckdb';
import { inMatches } from '../../filters/where';
import type { Split } from '../../stats/types';

export interface MessageRow { grp: string | null; role: string | null; k: string; v: number; n: number }

export interface MessagePassOptions { moderation: boolean; lengths: boolean; split: Split | null; groups: string[] }

/** The selected conversations: `where` over conversations `c` without the search (null: all), and the search's matches. */
export interface MessageSelection { where: string | null; params: Param[]; hits?: string }

/** A column's values are packed BITS bits each, PER_KEY to a grouping key; NONE stands for NULL (not counted). */
const BITS = 5;
const NONE = (1 << BITS) - 1;
const PER_KEY = 2;

/**
 * Values of an OpenAI category are its stored bin (lib/stats/bins.ts), NULL when unscored and then
 * not counted; lengths are floor(log2(characters)), -1 for empty text. One GROUPING SETS pass
 * counts every column, two columns to a set, packed into one integer key and added up here: at
 * 838k conversations half the time of a set per column (the messages holding "the": 488 → 327 ms),
 * which took half that of UNPIVOT to (name, value) pairs.
 */
export async function messagePass(c: Connection, sel: MessageSelection, o: MessagePassOptions): Promise<MessageRow[]> {
  const cols: [string, string][] = [];
  if (o.moderation) {
    for (const cat of CATEGORIES) cols.push([`o_${underscored(cat)}`, `m.bo_${underscored(cat)}`]);
    for (const d of DETOXIFY) cols.push([`d_${d}`, `m.bd_${d}`]);
  }
  // floor(log2(n + 0.5)) = floor(log2(n)) for n ≥ 1, and -1 for an empty message; stored 1 higher.
  // n_chars is stored at ingest: reading the text itself would cost seconds at WildChat scale.
  if (o.lengths) cols.push(['len', `least(${NONE - 1}, floor(log2(m.n_chars + 0.5))::INTEGER + 1)`]);
  if (cols.length === 0) return [];
  // split comes from an allow-list (params.ts); its groups are bound values.
  const byConv = o.split === 'language' || o.split === 'country';
  const grp = o.split === 'role' ? 'm.role' : byConv ? `c.${o.split}` : `'all'`;
  const sql: Param[] = [...sel.params];
  const bind = (v: Param) => { sql.push(v); return `$${sql.length}`; };
  const convConds: string[] = [];
  if (byConv) convConds.push(`c.${o.split} IN (${o.groups.map(bind).join(', ') || 'NULL'})`);
  if (sel.where && sel.where !== 'true') convConds.push(sel.where);
  const conds = sel.hits ? [inMatches(sel.hits, 'm.conv')] : [];
  if (byConv) conds.push(...convConds);
  else if (convConds.length) conds.push(`m.conv IN (SELECT c.idx FROM conversations c WHERE ${convConds.join(' AND ')})`);
  const from = `messages m${byConv ? ' JOIN conversations c ON c.idx = m.conv' : ''}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
  const keys: { names: string[]; expr: string }[] = [];
  for (let i = 0; i < cols.length; i += PER_KEY) {
    const part = cols.slice(i, i + PER_KEY);
    keys.push({
      names: part.map(([name]) => name),
      expr: part.map(([, expr], j) => `(coalesce((${expr})::INTEGER, ${NONE}) << ${BITS * j})`).join(' | '),
    });
  }
  const ks = keys.map((_, i) => `k${i}`);
  const rows = await c.all<Record<string, unknown>>(`
    SELECT grp, role, grouping(${ks.join(', ')}) AS g, ${ks.join(', ')}, count(*)::INTEGER AS n
    FROM (SELECT ${grp} AS grp, m.role, ${keys.map((k, i) => `${k.expr} AS k${i}`).join(', ')} FROM ${from})
    GROUP BY GROUPING SETS (${ks.map((k) => `(grp, role, ${k})`).join(', ')})`, sql);
  const counts = new Map<string, MessageRow>();
  for (const r of rows) {
    // grouping() has a 1 bit for each key left out of the row's set, the first key highest.
    const i = ks.length - 1 - Math.log2(~Number(r.g) & ((1 << ks.length) - 1));
    const packed = Number(r[ks[i]]);
    keys[i].names.forEach((name, j) => {
      const raw = (packed >> (BITS * j)) & NONE;
      if (raw === NONE) return;
      const v = name === 'len' ? raw - 1 : raw;
      const id = `${r.grp}\u0000${r.role}\u0000${name}\u0000${v}`;
      const row = counts.get(id);
      if (row) row.n += Number(r.n);
      else counts.set(id, { grp: r.grp as string | null, role: r.role as string | null, k: name, v, n: Number(r.n) });
    });
  }
  return [...counts.values()];
}
