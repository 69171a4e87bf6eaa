import 'server-only';
// What a comparison shows of one selection: its totals, languages, countries and models, flag
// rates per moderation category, turns and message lengths, and activity over time. A filtered
// selection's come from the charts' conversation pass (only the sets shown here) and one pass over
// its messages counting flags and lengths (not the charts' score histograms), in the session that
// holds the selection; an unfiltered one's from the charts' passes, computed once per index.
import { CATEGORIES, underscored, type Category } from '../dataset/moderation';
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { getSelectionStats } from '../queries/charts';
import { conversationPass, type SetName } from '../queries/charts/conversation-pass';
import { countries } from '../queries/charts/geography';
import type { MessageRow } from '../queries/charts/message-pass';
import { languages, models, ranked } from '../queries/charts/ranked';
import { datasets } from '../queries/datasets';
import { lengthBins, turnBins } from '../queries/charts/shape';
import { timeSeries } from '../queries/charts/time';
import type { Selection } from '../queries/selection';
import type { Bin, Interval, Ranked, ShapeStats, Stats, TimeSeries } from '../stats/types';

export interface SideStats {
  total: number;
  messages: number;
  languages: Ranked[];
  countries: Ranked[];
  models: Ranked[];
  /** Broad topics of the map (value `t3`), and the datasets of WILDSCOPE_DATA. */
  topics: Ranked[];
  datasets: Ranked[];
  /** Messages scored and flagged per OpenAI category, in CATEGORIES order. */
  flags: { category: Category; flagged: number; scored: number }[];
  turns: Bin[];
  lengths: ShapeStats['lengths'];
  time: TimeSeries;
}

const SETS: SetName[] = ['all', 'dataset', 'country', 'language', 'model', 'topic', 'turns', 'day'];

/** The numbers of an unfiltered selection, from the charts' passes cached per index. */
export async function unfilteredStats(f: Filter, interval: Interval): Promise<SideStats> {
  const [s, parts]: [Stats, Awaited<ReturnType<typeof datasets>>] = await Promise.all([getSelectionStats(f, { interval }), datasets()]);
  return {
    total: s.total,
    messages: s.messages,
    languages: s.languages,
    countries: s.countries,
    models: s.models,
    topics: s.topics.topics.map(({ value, count, flagged }) => ({ value, count, flagged })),
    // Everything selected: each dataset whole.
    datasets: parts.map((p) => ({ value: p.name, count: p.conversations, flagged: 0 })),
    flags: s.moderation.categories.filter((r) => r.group === 'all').map(({ category, flagged, scored }) => ({ category, flagged, scored })),
    turns: s.shape.turns,
    lengths: s.shape.lengths,
    time: s.time,
  };
}

/**
 * Messages of the selection by role and log2 length bin (as the charts' message pass bins them),
 * with each OpenAI category's scored and flagged messages (a stored value is bin * 2 + flagged).
 */
async function messageCounts(c: Connection, sel: Selection) {
  const sql = new Sql();
  // The search is tested on each message's conversation number directly, the rest through conversations.
  const rest = sel.where(sql, { joined: true });
  const conds = [...(sel.filter.q ? [sel.inMatches('m.conv')] : []), ...(rest !== 'true' ? [rest] : [])];
  const from = `messages m${rest !== 'true' ? ' JOIN conversations c ON c.idx = m.conv' : ''}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
  const cols = CATEGORIES.map((cat) => `m.bo_${underscored(cat)}`);
  return c.all<Record<string, number | string | null>>(
    `SELECT m.role, floor(log2(m.n_chars + 0.5))::INTEGER AS len, count(*)::INTEGER AS n,
       ${cols.map((col, i) => `count(${col})::INTEGER AS s${i}, coalesce(sum(${col} % 2), 0)::INTEGER AS f${i}`).join(', ')}
     FROM ${from} GROUP BY ALL`,
    sql.params,
  );
}

/** A filtered selection's numbers, on the connection holding it. */
export async function selectionStats(c: Connection, sel: Selection, interval: Interval): Promise<SideStats> {
  const rows = await conversationPass(c, sel, null, SETS);
  const msgs = await messageCounts(c, sel);
  const all = rows.find((r) => r.set === 'all');
  const lengths: MessageRow[] = msgs.flatMap((r) =>
    r.len === null ? [] : [{ grp: null, role: r.role as string, k: 'len', v: Number(r.len), n: Number(r.n) }],
  );
  return {
    total: all?.n ?? 0,
    messages: all?.messages ?? 0,
    languages: languages(rows),
    countries: countries(rows),
    models: models(rows),
    topics: ranked(rows, 'topic', 'topic'),
    datasets: ranked(rows, 'dataset', 'dataset'),
    flags: CATEGORIES.map((category, i) => ({
      category,
      scored: msgs.reduce((s, r) => s + Number(r[`s${i}`]), 0),
      flagged: msgs.reduce((s, r) => s + Number(r[`f${i}`]), 0),
    })),
    turns: turnBins(rows),
    lengths: lengthBins(lengths),
    time: timeSeries(rows, sel.filter, { interval }),
  };
}
