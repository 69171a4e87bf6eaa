import type { Interval } from '@/lib/stats/types';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The last day (inclusive, UTC) of the bucket starting on `start`. */
export function bucketEnd(start: string, interval: Interval): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
  if (interval === 'month') {
    d.setUTCMonth(d.getUTCMonth() + 1, 1);
    d.setUTCDate(0);
  }
  return day(d);
}

/** Axis label of a bucket: a month as YYYY-MM, a day or week by its first day. */
export const bucketLabel = (start: string, interval: Interval): string => (interval === 'month' ? start.slice(0, 7) : start);
