// Charts that draw several series over one axis (roles, languages, countries, stacks) need one row
// per axis position holding every series' value at that position.

export type SeriesKey = string | number;

/** One series: its name and its counts, each at a key (a bin's lower edge, a category, a bucket). */
export interface Series<K extends SeriesKey> { name: string; points: readonly { key: K; count: number }[] }

/** One axis position: its key and each series' count there. */
export interface MergedRow<K extends SeriesKey> { key: K; counts: Record<string, number> }

/** One row per position of the first series, each series' counts taken by array position. */
export function mergeSeries<K extends SeriesKey>(series: readonly Series<K>[], order?: readonly K[]): MergedRow<K>[] {
  const keys = order ?? series[0]?.points.map((p) => p.key) ?? [];
  return keys.map((key, i) => ({ key, counts: Object.fromEntries(series.map((s) => [s.name, s.points[i]?.count ?? 0])) }));
}
