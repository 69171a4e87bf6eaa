import 'server-only';
// Every aggregate behind the charts for one filter state: a search is run once, then one pass over
// the selected conversations and, for moderation and shape, one over their messages.
import type { Connection } from '../../db/duckdb';
import type { Filter } from '../../filters/schema';
import { isUnfiltered } from '../../filters/where';
import type { ChartName, Stats, StatsOptions } from '../../stats/types';
import { session } from '../../server/index-db';
import { Selection, withSelection } from '../selection';
import { cachedPerIndex } from '../cache';
import { conversationPass, type ConvRow } from './conversation-pass';
import { countries, languageByCountry, states } from './geography';
import { messagePass } from './message-pass';
import { moderation } from './moderation';
import { languages, models, ranked, topValues } from './ranked';
import { lengthBins, turnBins } from './shape';
import { timeSeries } from './time';

export const SPLIT_TOP = 6;

interface Parts {
  moderation: boolean;
  lengths: boolean;
}
const EVERYTHING: Parts = { moderation: true, lengths: true };

/** The unfiltered passes read every message once per index build; they get more than a request's deadline. */
const UNFILTERED_DEADLINE_MS = 300_000;

const run = <T>(filter: Filter, fn: (c: Connection, sel: Selection) => Promise<T>): Promise<T> =>
  isUnfiltered(filter) ? session((c) => fn(c, new Selection(filter)), { deadlineMs: UNFILTERED_DEADLINE_MS }) : withSelection(filter, fn);

/**
 * Runs each pass; unfiltered, each pass is cached per index under the options it depends on. The
 * message pass runs beside the conversation pass on a second connection, unless its groups are the
 * top values the conversation pass finds (split by language, country or model).
 */
async function compute(filter: Filter, options: StatsOptions, parts: Parts): Promise<Partial<Stats> & Pick<Stats, 'total' | 'messages'>> {
  const unfiltered = isUnfiltered(filter);
  const pass = <T>(c: Connection, key: string, run: () => Promise<T>) => (unfiltered ? cachedPerIndex(c, key, run) : run());
  const stack = options.stack ?? null;
  const convs = run(filter, (c, sel) => pass(c, `conversations|${stack}`, () => conversationPass(c, sel, stack)));
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
  const wanted = parts.moderation || parts.lengths;
  const independent = split === null || split === 'role';
  const msgsPromise = !wanted ? Promise.resolve([]) : independent ? messages(groupsOf([])) : convs.then((rows) => messages(groupsOf(rows)));
  const [rows, msgs] = await Promise.all([convs, msgsPromise]);
  const groups = groupsOf(rows);
  const all = rows.find((r) => r.set === 'all');
  const out: Partial<Stats> & Pick<Stats, 'total' | 'messages'> = {
    total: all?.n ?? 0,
    messages: all?.messages ?? 0,
    countries: countries(rows),
    states: states(rows),
    languages: languages(rows),
    models: models(rows),
    language_by_country: languageByCountry(rows),
    time: timeSeries(rows, filter, options),
  };
  if (parts.moderation) out.moderation = moderation(msgs, split, groups);
  out.shape = { turns: turnBins(rows), lengths: parts.lengths ? lengthBins(msgs) : [] };
  return out;
}

export function getStats(filter: Filter, options: StatsOptions = {}): Promise<Stats> {
  return compute(filter, options, EVERYTHING) as Promise<Stats>;
}

/** One chart's piece of the stats, computing only the passes it needs. */
export async function getChart<K extends ChartName>(name: K, filter: Filter, options: StatsOptions = {}): Promise<Stats[K]> {
  // Unfiltered, the whole message pass is cached once rather than one per chart.
  const parts: Parts =
    isUnfiltered(filter) && (name === 'moderation' || name === 'shape')
      ? EVERYTHING
      : { moderation: name === 'moderation', lengths: name === 'shape' };
  const s = await compute(filter, options, parts);
  return s[name] as Stats[K];
}
