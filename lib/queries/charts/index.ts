import 'server-only';
// Every aggregate behind the charts for one filter state: a search is run once, then one pass over
// the selected conversations and, for moderation and shape, one over their messages; a chart that
// filters on a field the filter sets (OWN_FILTER) is counted without that filter: from the facet
// cube when the rest is facet values alone, else by its own pass.
import type { Connection } from '../../db/duckdb';
import type { Filter } from '../../filters/schema';
import type { ValueField } from '../../filters/fields';
import { isUnfiltered, without } from '../../filters/where';
import { omittedBy } from '../../stats/own-filter';
import { CHARTS, OWN_FILTER, type ChartName, type OwnFilterChart, type Stats, type StatsOptions, type TopicSplit } from '../../stats/types';
import { session } from '../../server/index-db';
import { Selection, withSelection } from '../selection';
import { cachedPerIndex } from '../cache';
import { conversationPass, type ConvRow, type SetName } from './conversation-pass';
import { cubeHolds, cubeRows } from './cube-views';
import { cubeAnswers, cubeOf } from '../facet-cube';
import { countries, languageByCountry, states } from './geography';
import { messagePass } from './message-pass';
import { moderation } from './moderation';
import { languages, models, ranked, topValues } from './ranked';
import { lengthBins, turnBins } from './shape';
import { timeSeries } from './time';
import { topicStats } from './topics';
import { topicLabels } from '../topics';

export const SPLIT_TOP = 6;

interface Parts {
  moderation: boolean;
  lengths: boolean;
  /** False: every chart counts the whole selection, none leaves out its own filter (comparisons). */
  ownFilters?: boolean;
}
const EVERYTHING: Parts = { moderation: true, lengths: true };

/** The unfiltered passes read every message once per index build; they get more than a request's deadline. */
const UNFILTERED_DEADLINE_MS = 300_000;

const run = <T>(filter: Filter, fn: (c: Connection, sel: Selection) => Promise<T>): Promise<T> =>
  isUnfiltered(filter) ? session((c) => fn(c, new Selection(filter)), { deadlineMs: UNFILTERED_DEADLINE_MS }) : withSelection(filter, fn);

/** The grouping sets a chart drawn without its own filter needs from its own pass. */
const OWN_SETS: Record<ValueField, readonly SetName[]> = {
  dataset: [],
  country: ['all', 'country', 'language', 'language_country'],
  state: ['all', 'state'],
  language: ['all', 'language'],
  model: ['all', 'model'],
  topic: ['all', 'topic', 'language', 'country', 'model'],
  hashed_ip: [],
  conversation_hash: [],
};

/**
 * The conversation pass of a filter without its conditions on `field`, for the charts that filter
 * on it. When that leaves nothing filtered, it is the unfiltered pass, computed once per index.
 */
function ownPass(filter: Filter, field: ValueField, topicSplit: TopicSplit | null): Promise<ConvRow[]> {
  const rest = without(filter, field);
  const split = field === 'topic' ? topicSplit : null;
  const sets: SetName[] = [...OWN_SETS[field], ...(split ? (['topic_split'] as const) : [])];
  return run(rest, async (c, sel) => {
    if (isUnfiltered(rest)) return cachedPerIndex(c, `conversations|null|${split}`, () => conversationPass(c, sel, null, undefined, split));
    const cube = cubeAnswers(rest) && cubeHolds(sets) ? await cubeOf(c) : undefined;
    return cube ? cubeRows(cube, rest, sets, split) : conversationPass(c, sel, null, OWN_SETS[field], split);
  });
}

type Computed = Partial<Stats> & Pick<Stats, 'total' | 'messages' | 'omitted' | 'omitted_totals'>;

/**
 * Runs each pass; unfiltered, each pass is cached per index under the options it depends on. The
 * message pass runs beside the conversation pass on a second connection, unless its groups are the
 * top values the conversation pass finds (split by language, country or model). A chart of
 * `wanted` that filters on a field the filter sets gets its own pass without that filter.
 */
async function compute(filter: Filter, options: StatsOptions, parts: Parts, wanted: readonly ChartName[] = CHARTS): Promise<Computed> {
  const unfiltered = isUnfiltered(filter);
  const pass = <T>(c: Connection, key: string, run: () => Promise<T>) => (unfiltered ? cachedPerIndex(c, key, run) : run());
  const stack = options.stack ?? null;
  const topicSplit = options.topic_split ?? null;
  const convs = run(filter, (c, sel) =>
    pass(c, `conversations|${stack}|${topicSplit}`, () => conversationPass(c, sel, stack, undefined, topicSplit)),
  );
  const split = options.split ?? null;
  const msgSplit = parts.moderation ? split : null;
  const messages = (groups: string[]) =>
    run(filter, (c, sel) =>
      pass(c, `messages|${msgSplit}|${parts.moderation}|${parts.lengths}`, () =>
        messagePass(c, sel, { ...parts, split: msgSplit, groups }),
      ),
    );
  const groupsOf = (rows: ConvRow[]) =>
    split === 'role' ? ['user', 'assistant'] : split ? topValues(ranked(rows, split, split), SPLIT_TOP) : ['all'];
  const wantedMessages = parts.moderation || parts.lengths;
  const independent = split === null || split === 'role';
  const msgsPromise = !wantedMessages
    ? Promise.resolve([])
    : independent
      ? messages(groupsOf([]))
      : convs.then((rows) => messages(groupsOf(rows)));
  const own = wanted.flatMap((chart) => {
    const field = parts.ownFilters === false ? undefined : omittedBy(chart, filter);
    return field ? [[chart as OwnFilterChart, field] as const] : [];
  });
  const fields = [...new Set(own.map(([, field]) => field))];
  const [rows, msgs, ownList, labels] = await Promise.all([
    convs,
    msgsPromise,
    Promise.all(fields.map(async (f) => [f, await ownPass(filter, f, topicSplit)] as const)),
    wanted.includes('topics') ? topicLabels() : new Map<string, string>(),
  ]);
  const ownRows = new Map(ownList);
  const rowsOf = (chart: OwnFilterChart) => ownRows.get(OWN_FILTER[chart]) ?? rows;
  const groups = groupsOf(rows);
  const all = rows.find((r) => r.set === 'all');
  const out: Computed = {
    total: all?.n ?? 0,
    messages: all?.messages ?? 0,
    omitted: Object.fromEntries(own),
    omitted_totals: Object.fromEntries(own.map(([chart]) => [chart, rowsOf(chart).find((r) => r.set === 'all')?.n ?? 0])),
    countries: countries(rowsOf('countries')),
    states: states(rowsOf('states')),
    languages: languages(rowsOf('languages')),
    models: models(rowsOf('models')),
    language_by_country: languageByCountry(rowsOf('language_by_country')),
    time: timeSeries(rows, filter, options),
    topics: topicStats(rowsOf('topics'), topicSplit, labels),
  };
  if (parts.moderation) out.moderation = moderation(msgs, split, groups);
  out.shape = { turns: turnBins(rows), lengths: parts.lengths ? lengthBins(msgs) : [] };
  return out;
}

/** Every chart's aggregates; the charts that filter on a field the filter sets are drawn without it. */
export function getStats(filter: Filter, options: StatsOptions = {}): Promise<Stats> {
  return compute(filter, options, EVERYTHING) as Promise<Stats>;
}

/**
 * Every aggregate of the selection itself, no chart leaving out its own filter: the shares a
 * comparison of two selections pairs (a side of `model=X` is all X).
 */
export function getSelectionStats(filter: Filter, options: StatsOptions = {}): Promise<Stats> {
  return compute(filter, options, { ...EVERYTHING, ownFilters: false }) as Promise<Stats>;
}

/** One chart's piece of the stats, computing only the passes it needs (drawn without its own filter: `omittedBy`). */
export async function getChart<K extends ChartName>(name: K, filter: Filter, options: StatsOptions = {}): Promise<Stats[K]> {
  // Unfiltered, the whole message pass is cached once rather than one per chart.
  const parts: Parts =
    isUnfiltered(filter) && (name === 'moderation' || name === 'shape')
      ? EVERYTHING
      : { moderation: name === 'moderation', lengths: name === 'shape' };
  const s = await compute(filter, options, parts, [name]);
  return s[name] as Stats[K];
}
