// Charts that draw several series over one axis (roles, languages, countries, groups) need one row
// per axis position holding every series' value there. Series are lined up by key, never by array
// position: the roles' length bins, for one, start at different edges.

export type SeriesKey = string | number;

/** One series: its name and its counts, each at a key (a bin's lower edge, a category, a country). */
export interface Series<K extends SeriesKey> {
  name: string;
  points: readonly { key: K; count: number }[];
}

/** One axis position: its key and each series' count there (0 where a series has none). */
export interface MergedRow<K extends SeriesKey> {
  key: K;
  counts: Record<string, number>;
}

const ascending = <K extends SeriesKey>(a: K, b: K) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One row per key, in `order` when given (keys outside it are left out), else every series' keys
 * in ascending order.
 */
export function mergeSeries<K extends SeriesKey>(series: readonly Series<K>[], order?: readonly K[]): MergedRow<K>[] {
  const byName = series.map((s) => ({ name: s.name, at: new Map(s.points.map((p) => [p.key, p.count])) }));
  const keys = order ?? [...new Set(series.flatMap((s) => s.points.map((p) => p.key)))].sort(ascending);
  return keys.map((key) => ({ key, counts: Object.fromEntries(byName.map((s) => [s.name, s.at.get(key) ?? 0])) }));
}
