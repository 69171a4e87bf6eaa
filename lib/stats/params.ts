// The query string of /api/stats: the filters (filters/schema.ts) plus the chart options (interval,
// stack, split, topic_split). Listing parameters mean nothing for charts and are refused.
import { parseParams, parseParamsLenient, ParamError, type Filter } from '../filters/schema';
import { INTERVALS, SPLITS, STACKS, TOPIC_SPLITS, type StatsOptions } from './types';

const OPTIONS = { interval: INTERVALS, stack: STACKS, split: SPLITS, topic_split: TOPIC_SPLITS } as const;
type OptionKey = keyof typeof OPTIONS;
const LISTING = ['sort', 'limit', 'offset'];

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export interface StatsParsed {
  filter: Filter;
  options: StatsOptions;
}

/** Strict, for /api/stats: the first bad parameter throws a ParamError (chart options before filters). */
export function parseStatsParams(sp: URLSearchParams): StatsParsed {
  const { options, rest, errors } = optionsPass(sp);
  if (errors.length) throw errors[0];
  return { filter: parseParams(rest).filter, options };
}

/**
 * For the charts page: every bad parameter reported once (listing parameters included), the
 * charts of the remaining ones, and the query string without the bad ones (`params`).
 */
export function parseStatsParamsLenient(sp: URLSearchParams): StatsParsed & { params: URLSearchParams; errors: ParamError[] } {
  const { options, rest, errors } = optionsPass(sp);
  const filters = parseParamsLenient(rest);
  const bad = [...errors, ...filters.errors];
  const params = new URLSearchParams([...sp].filter(([k]) => !bad.some((e) => e.param === k)));
  return { filter: filters.filter, options, params, errors: bad };
}

/** Chart options read, listing parameters refused; the rest are filters, left to the filter parser. */
function optionsPass(sp: URLSearchParams): { options: StatsOptions; rest: URLSearchParams; errors: ParamError[] } {
  const options: StatsOptions = {};
  const rest = new URLSearchParams();
  const seen = new Set<string>();
  const errors: ParamError[] = [];
  const fail = (e: ParamError) => {
    if (!errors.some((x) => x.param === e.param)) errors.push(e);
  };
  for (const [key, raw] of sp) {
    if (LISTING.includes(key)) {
      fail(new ParamError(key, `${key} does not apply to charts`));
      continue;
    }
    if (!(key in OPTIONS)) {
      rest.append(key, raw);
      continue;
    }
    const k = key as OptionKey;
    if (seen.has(k)) {
      fail(new ParamError(k, `${k} may appear only once`));
      continue;
    }
    seen.add(k);
    const v = raw.trim();
    if (v === '') continue;
    const allowed: readonly string[] = OPTIONS[k];
    if (!allowed.includes(v)) fail(new ParamError(k, `${k} must be one of ${allowed.join(', ')}; got "${clip(v)}"`));
    else (options as Record<string, string>)[k] = v;
  }
  // A repeated or bad option is dropped with all its values, as the link without it would be.
  for (const e of errors) delete (options as Record<string, string>)[e.param];
  return { options, rest, errors };
}

/** Writes chart options into a copy of a query string (unset options are removed). */
export function withStatsOptions(current: URLSearchParams, options: StatsOptions): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const k of Object.keys(OPTIONS) as OptionKey[]) {
    next.delete(k);
    const v = options[k];
    if (v) next.set(k, v);
  }
  for (const k of LISTING) next.delete(k);
  return next;
}
