// The query string of /api/stats: the filters (filters/schema.ts) plus the chart options (interval,
// stack, split). Listing parameters mean nothing for charts and are refused.
import { parseParams, ParamError, type Filter } from '../filters/schema';
import { INTERVALS, SPLITS, STACKS, type StatsOptions } from './types';

const OPTIONS = { interval: INTERVALS, stack: STACKS, split: SPLITS } as const;
type OptionKey = keyof typeof OPTIONS;
const LISTING = ['sort', 'limit', 'offset'];

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseStatsParams(sp: URLSearchParams): { filter: Filter; options: StatsOptions } {
  const options: StatsOptions = {};
  const rest = new URLSearchParams();
  const seen = new Set<string>();
  for (const [key, raw] of sp) {
    if (LISTING.includes(key)) throw new ParamError(key, `${key} does not apply to charts`);
    if (!(key in OPTIONS)) {
      rest.append(key, raw);
      continue;
    }
    const k = key as OptionKey;
    if (seen.has(k)) throw new ParamError(k, `${k} may appear only once`);
    seen.add(k);
    const v = raw.trim();
    if (v === '') continue;
    const allowed: readonly string[] = OPTIONS[k];
    if (!allowed.includes(v)) throw new ParamError(k, `${k} must be one of ${allowed.join(', ')}; got "${clip(v)}"`);
    (options as Record<string, string>)[k] = v;
  }
  return { filter: parseParams(rest).filter, options };
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
