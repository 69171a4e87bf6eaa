import 'server-only';
// The one pass over the selected conversations behind the geography, ranked, time and turn charts:
// GROUPING SETS, so every breakdown comes from a single scan of the columns they need.
import type { Connection } from '../../db/duckdb';
import { Sql } from '../../db/sql';
import type { Stack, TopicSplit } from '../../stats/types';
import type { Selection } from '../selection';

/** Turn buckets of the shape chart: [lo, hi) with the last one open. */
export const TURN_EDGES = [1, 2, 3, 4, 5, 6, 11, 21, 51] as const;

export type SetName =
  | 'all'
  | 'dataset'
  | 'country'
  | 'state'
  | 'language'
  | 'model'
  | 'language_country'
  | 'turns'
  | 'day'
  | 'day_stack'
  | 'topic'
  | 'topic_split';

export interface ConvRow {
  set: SetName;
  dataset: string | null;
  country: string | null;
  state: string | null;
  language: string | null;
  model: string | null;
  day: string | null;
  stack: string | null;
  topic: string | null; // the broad topic
  split: string | null; // the topic split's value
  tb: number | null;
  n: number;
  flagged: number;
  messages: number;
  min_ts: string | null;
  max_ts: string | null;
  max_turns: number | null;
}

/**
 * The UTC day of c.ts, as days since 1970-01-01: casting to DATE goes through the ICU calendar,
 * which cost most of the pass.
 */
const DAY = 'floor(epoch_us(c.ts) / 86400000000.0)::INTEGER';

const turnBucket = `CASE ${TURN_EDGES.slice(1)
  .map((e, i) => `WHEN c.turns < ${e} THEN ${i}`)
  .join(' ')} ELSE ${TURN_EDGES.length - 1} END`;

const SETS: [SetName, string][] = [
  ['all', '()'],
  ['dataset', '(dataset)'],
  ['country', '(country)'],
  ['state', '(country, state)'],
  ['language', '(language)'],
  ['model', '(model)'],
  ['language_country', '(language, country)'],
  ['turns', '(tb)'],
  ['day', '(day)'],
  ['topic', '(topic)'],
];

/**
 * `stack` adds the (day, model or language) set for the stacked time series, `topicSplit` the
 * (broad topic, language, country or model) set of the split topic shares; `only` keeps those sets alone.
 */
export async function conversationPass(
  c: Connection,
  sel: Selection,
  stack: Stack | null,
  only?: readonly SetName[],
  topicSplit: TopicSplit | null = null,
): Promise<ConvRow[]> {
  const sql = new Sql();
  const where = sel.where(sql);
  const sets = SETS.filter(([name]) => !only || only.includes(name));
  // stack comes from an allow-list (params.ts), so the column name is spelled into the SQL.
  if (stack) sets.push(['day_stack', '(day, stack)']);
  if (topicSplit) sets.push(['topic_split', '(topic, split)']);
  const colsOf = (set: string) => set.replace(/[()]/g, '').split(', ').filter(Boolean);
  // grouping() takes only columns some set groups by.
  const grouped = ['dataset', 'country', 'state', 'language', 'model', 'day', 'tb', 'stack', 'topic', 'split'].filter((col) =>
    sets.some(([, s]) => colsOf(s).includes(col)),
  );
  const gid = grouped.length ? `grouping(${grouped.join(', ')})` : '0';
  const bits = (cols: string[]) => grouped.reduce((acc, col) => acc * 2 + (cols.includes(col) ? 0 : 1), 0);
  const named = sets.map(([name, cols]) => `WHEN ${bits(colsOf(cols))} THEN '${name}'`);
  // A column no set groups by is NULL in every row.
  const shown: Record<string, [expr: string, type: string]> = {
    dataset: ['dataset', 'VARCHAR'],
    country: ['country', 'VARCHAR'],
    state: ['state', 'VARCHAR'],
    language: ['language', 'VARCHAR'],
    model: ['model', 'VARCHAR'],
    day: [`(DATE '1970-01-01' + day)::VARCHAR`, 'VARCHAR'],
    stack: ['stack', 'VARCHAR'],
    topic: ['topic', 'VARCHAR'],
    split: ['split', 'VARCHAR'],
    tb: ['tb', 'INTEGER'],
  };
  const out = Object.entries(shown).map(([col, [expr, type]]) => `${grouped.includes(col) ? expr : `NULL::${type}`} AS ${col}`);
  const rows = await c.all<ConvRow>(
    `
    WITH sel AS (
      SELECT c.dataset, c.country, c.state, c.language, c.model, ${DAY} AS day, ${stack ? `c.${stack}` : 'NULL::VARCHAR'} AS stack,
        c.broad_topic::VARCHAR AS topic, ${topicSplit ? `c.${topicSplit}` : 'NULL::VARCHAR'} AS split,
        ${turnBucket} AS tb, c.flagged, c.n_messages, c.ts, c.turns
      FROM conversations c WHERE ${where})
    SELECT CASE ${gid} ${named.join(' ')} END AS "set", ${out.join(', ')},
      count(*)::INTEGER AS n, count(*) FILTER (WHERE flagged)::INTEGER AS flagged, coalesce(sum(n_messages), 0)::DOUBLE AS messages,
      min(ts)::VARCHAR AS min_ts, max(ts)::VARCHAR AS max_ts, max(turns)::INTEGER AS max_turns
    FROM sel GROUP BY GROUPING SETS (${sets.map(([, s]) => s).join(', ')})`,
    sql.params,
  );
  return rows;
}
