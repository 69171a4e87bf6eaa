// Conversations per day, week (from Monday) or month, rolled up from the conversation pass's days,
// optionally stacked by the top models or languages.
import type { Filter } from '../../filters/schema';
import type { Interval, Stack, StatsOptions, TimeSeries } from '../../stats/types';
import type { ConvRow } from './conversation-pass';
import { byCount, topValues } from './ranked';

export const STACK_TOP = 8;
const DAY = 86_400_000;

/** The default interval for a span: day up to 120 days, week up to two years, else month. */
export function intervalFor(fromIso: string | null, toIso: string | null): Interval {
  if (!fromIso || !toIso) return 'day';
  const days = (Date.parse(toIso) - Date.parse(fromIso)) / DAY;
  return days <= 120 ? 'day' : days <= 730 ? 'week' : 'month';
}

/** The start of the bucket holding a 'YYYY-MM-DD' day, as 'YYYY-MM-DD'. */
export function bucketOf(day: string, interval: Interval): string {
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  if (interval === 'day') return day;
  const t = Date.parse(`${day}T00:00:00Z`);
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - back * DAY).toISOString().slice(0, 10);
}

function nextBucket(b: string, interval: Interval): string {
  const d = new Date(`${b}T00:00:00Z`);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/** Zero-filled buckets from the first to the last day of the selection. */
export function timeSeries(rows: ConvRow[], filter: Filter, options: StatsOptions): TimeSeries {
  const all = rows.find((r) => r.set === 'all');
  const interval = options.interval ?? intervalFor(filter.from ?? all?.min_ts ?? null, filter.to ?? all?.max_ts ?? null);
  const stack: Stack | null = options.stack ?? null;
  // The top values among conversations with a time (an LMSYS dataset stacked by dataset has none).
  const timed = new Map<string | null, number>();
  for (const r of rows) if (r.set === 'day_stack' && r.day) timed.set(r.stack, (timed.get(r.stack) ?? 0) + r.n);
  const keys = stack ? topValues([...timed].map(([value, count]) => ({ value, count, flagged: 0 })).sort(byCount), STACK_TOP) : [];
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.set === 'day' && r.day) counts.set(bucketOf(r.day, interval), (counts.get(bucketOf(r.day, interval)) ?? 0) + r.n);
  const by = new Map<string, Record<string, number>>();
  let other = false;
  if (stack) {
    for (const r of rows) {
      if (r.set !== 'day_stack' || !r.day) continue;
      const key = r.stack !== null && keys.includes(r.stack) ? r.stack : 'other';
      if (key === 'other') other = true;
      const b = bucketOf(r.day, interval);
      const rec = by.get(b) ?? {};
      by.set(b, rec);
      rec[key] = (rec[key] ?? 0) + r.n;
    }
  }
  const legend = other ? [...keys, 'other'] : keys;
  const buckets = [...counts.keys()].sort();
  const out: TimeSeries['rows'] = [];
  const [first, last] = [buckets[0], buckets[buckets.length - 1]];
  if (first !== undefined && last !== undefined) {
    for (let b = first; b <= last; b = nextBucket(b, interval)) {
      const row: TimeSeries['rows'][number] = { bucket: b, count: counts.get(b) ?? 0 };
      if (stack) row.by = Object.fromEntries(legend.map((k) => [k, by.get(b)?.[k] ?? 0]));
      out.push(row);
    }
  }
  return { interval, stack, keys: legend, rows: out };
}
