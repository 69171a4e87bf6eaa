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
  const moderation: [string, string][] = [];
  if (o.moderation) {
    for (const cat of CATEGORIES) moderation.push([`o_${underscored(cat)}`, `m.bo_${underscored(cat)}`]);
    for (const d of DETOXIFY) moderation.push([`d_${d}`, `m.bd_${d}`]);
  }
  if (moderation.length === 0 && !o.lengths) return [];
  // split comes from an allow-list (params.ts); its groups are bound values. Messages outside the
  // groups are in no group (NULL) but still counted by length.
  const byConv = o.split === 'language' || o.split === 'country';
  const sql: Param[] = [...sel.params];
  const bind = (v: Param) => { sql.push(v); return `$${sql.length}`; };
  const grp = o.split === 'role' ? 'm.role'
    : byConv ? `CASE WHEN c.${o.split} IN (${o.groups.map(bind).join(', ') || 'NULL'}) THEN c.${o.split} END` : 'NULL::VARCHAR';
  const where = sel.where && sel.where !== 'true' ? sel.where : null;
  const conds = [...(sel.hits ? [inMatches(sel.hits, 'm.conv')] : []), ...(where ? [where] : [])];
  const joined = byConv || where !== null;
  const from = `messages m${joined ? ' JOIN conversations c ON c.idx = m.conv' : ''}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
  // Moderation keys are grouped by the split's group alone (none without a split), lengths by role
  // alone: no set carries a column its chart does not read (every set grouped by role and group
  // as well: the messages of language=English at 838k took 526 ms against 413).
  const keys: { names: string[]; expr: string; by: string }[] = [];
  const pack = (part: [string, string][]) => part.map(([, expr], j) => `(coalesce((${expr})::INTEGER, ${NONE}) << ${BITS * j})`).join(' | ');
  for (let i = 0; i < moderation.length; i += PER_KEY) {
    const part = moderation.slice(i, i + PER_KEY);
    keys.push({ names: part.map(([name]) => name), expr: pack(part), by: o.split ? 'grp, ' : '' });
  }
  // floor(log2(n + 0.5)) = floor(log2(n)) for n ≥ 1, and -1 for an empty message; stored 1 higher.
  // n_chars is stored at ingest: reading the text itself would cost seconds at WildChat scale.
  if (o.lengths) keys.push({ names: ['len'], expr: pack([['len', `least(${NONE - 1}, floor(log2(m.n_chars + 0.5))::INTEGER + 1)`]]), by: 'role, ' });
  const ks = keys.map((_, i) => `k${i}`);
  const rows = await c.all<Record<string, unknown>>(`
    SELECT ${o.split ? 'grp' : 'NULL AS grp'}, ${o.lengths ? 'role' : 'NULL AS role'}, grouping(${ks.join(', ')}) AS g, ${ks.join(', ')}, count(*)::INTEGER AS n
    FROM (SELECT ${grp} AS grp, m.role, ${keys.map((k, i) => `${k.expr} AS k${i}`).join(', ')} FROM ${from})
    GROUP BY GROUPING SETS (${keys.map((k, i) => `(${k.by}k${i})`).join(', ')})`, sql);
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
