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

/**
 * Values of an OpenAI category are its stored bin (lib/stats/bins.ts), NULL when unscored and then
 * not counted; lengths are floor(log2(characters)), -1 for empty text. One GROUPING SETS pass
 * counts every column; UNPIVOT to (name, value) pairs cost twice as much at 838k conversations.
 */
export async function messagePass(c: Connection, sel: MessageSelection, o: MessagePassOptions): Promise<MessageRow[]> {
  const cols: [string, string][] = [];
  if (o.moderation) {
    for (const cat of CATEGORIES) cols.push([`o_${underscored(cat)}`, `m.bo_${underscored(cat)}`]);
    for (const d of DETOXIFY) cols.push([`d_${d}`, `m.bd_${d}`]);
  }
  // floor(log2(n + 0.5)) = floor(log2(n)) for n ≥ 1, and -1 for an empty message.
  // n_chars is stored at ingest: reading the text itself would cost seconds at WildChat scale.
  if (o.lengths) cols.push(['len', 'floor(log2(m.n_chars + 0.5))::INTEGER']);
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
  const names = cols.map(([name]) => name);
  const rows = await c.all<Record<string, unknown>>(`
    SELECT grp, role, grouping(${names.join(', ')}) AS g, ${names.join(', ')}, count(*)::INTEGER AS n
    FROM (SELECT ${grp} AS grp, m.role, ${cols.map(([name, expr]) => `${expr} AS ${name}`).join(', ')} FROM ${from})
    GROUP BY GROUPING SETS (${names.map((name) => `(grp, role, ${name})`).join(', ')})`, sql);
  // grouping() has a 1 bit for each column left out of the row's set, the first column highest.
  const out: MessageRow[] = [];
  for (const r of rows) {
    const k = names.length - 1 - Math.log2(~Number(r.g) & ((1 << names.length) - 1));
    const v = r[names[k]];
    if (v !== null && v !== undefined) out.push({ grp: r.grp as string | null, role: r.role as string | null, k: names[k], v: Number(v), n: Number(r.n) });
  }
  return out;
}
