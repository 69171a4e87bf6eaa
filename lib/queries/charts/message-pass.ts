import 'server-only';
// The one pass over the selected messages behind the moderation and length charts: every value
// to histogram is a small integer (score bins stored at ingest, see lib/stats/bins.ts), each
// counted by its own grouping set of a single scan.
import { CATEGORIES, DETOXIFY, underscored } from '../../dataset/moderation';
import type { Connection } from '../../db/duckdb';
import { Sql } from '../../db/sql';
import type { Split } from '../../stats/types';
import type { Selection } from '../selection';

export interface MessageRow {
  grp: string | null;
  role: string | null;
  k: string;
  v: number;
  n: number;
}

export interface MessagePassOptions {
  moderation: boolean;
  lengths: boolean;
  split: Split | null;
  groups: string[];
}

/** Moderation columns to a grouping set. */
const PER_SET = 2;

/**
 * Values of an OpenAI category are its stored bin (lib/stats/bins.ts), NULL when unscored and then
 * not counted; lengths are floor(log2(characters)), -1 for empty text. One GROUPING SETS pass
 * counts every column, the stored bin columns two to a set as they are: faster than packing each
 * pair into one integer first, than a set per column, or than UNPIVOT to (name, value).
 */
export async function messagePass(c: Connection, sel: Selection, o: MessagePassOptions): Promise<MessageRow[]> {
  const columns: { name: string; expr: string }[] = [];
  if (o.moderation) {
    for (const cat of CATEGORIES) columns.push({ name: `o_${underscored(cat)}`, expr: `m.bo_${underscored(cat)}` });
    for (const d of DETOXIFY) columns.push({ name: `d_${d}`, expr: `m.bd_${d}` });
  }
  const moderation = columns.length;
  // floor(log2(n + 0.5)) = floor(log2(n)) for n ≥ 1, and -1 for an empty message.
  // n_chars is stored at ingest: reading the text itself would cost seconds at WildChat scale.
  if (o.lengths) columns.push({ name: 'len', expr: 'floor(log2(m.n_chars + 0.5))::INTEGER' });
  if (columns.length === 0) return [];
  // split comes from an allow-list (params.ts); its groups are bound values. Messages outside the
  // groups are in no group (NULL) but still counted by length.
  const byConv = o.split === 'language' || o.split === 'country' || o.split === 'dataset';
  // The search is tested on each message's conversation number directly, the rest through conversations.
  const sql = new Sql();
  const rest = sel.where(sql, { joined: true });
  const where = rest !== 'true' ? rest : null;
  const grp =
    o.split === 'role'
      ? 'm.role'
      : byConv
        ? `CASE WHEN c.${o.split} IN (${sql.list(o.groups) || 'NULL'}) THEN c.${o.split} END`
        : 'NULL::VARCHAR';
  const conds = [...(sel.filter.q ? [sel.inMatches('m.conv')] : []), ...(where ? [where] : [])];
  const joined = byConv || where !== null;
  const from = `messages m${joined ? ' JOIN conversations c ON c.idx = m.conv' : ''}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
  // Moderation columns are grouped by the split's group alone (none without a split), lengths by
  // role alone: no set carries a column its chart does not read (grouping every set by role and
  // group as well made the pass slower).
  const sets: number[][] = [];
  for (let i = 0; i < moderation; i += PER_SET) sets.push(Array.from({ length: Math.min(PER_SET, moderation - i) }, (_, j) => i + j));
  if (o.lengths) sets.push([moderation]);
  const cs = columns.map((_, i) => `c${i}`);
  const rows = await c.all<Record<string, unknown>>(
    `
    SELECT ${o.split ? 'grp' : 'NULL AS grp'}, ${o.lengths ? 'role' : 'NULL AS role'}, grouping(${cs.join(', ')}) AS g, ${cs.join(', ')}, count(*)::INTEGER AS n
    FROM (SELECT ${grp} AS grp, m.role, ${columns.map((col, i) => `${col.expr} AS c${i}`).join(', ')} FROM ${from})
    GROUP BY GROUPING SETS (${sets.map((set) => `(${set[0] === moderation ? 'role, ' : o.split ? 'grp, ' : ''}${set.map((i) => cs[i]).join(', ')})`).join(', ')})`,
    sql.params,
  );
  const counts = new Map<string, MessageRow>();
  for (const r of rows) {
    // grouping() has a 1 bit for each column left out of the row's set, the first column highest.
    const g = Number(r.g);
    columns.forEach((col, i) => {
      if ((g >> (columns.length - 1 - i)) & 1) return;
      const raw = r[cs[i]!];
      if (raw === null) return; // unscored
      const v = Number(raw);
      const id = `${r.grp}\u0000${r.role}\u0000${col.name}\u0000${v}`;
      const row = counts.get(id);
      if (row) row.n += Number(r.n);
      else counts.set(id, { grp: r.grp as string | null, role: r.role as string | null, k: col.name, v, n: Number(r.n) });
    });
  }
  return [...counts.values()];
}
