// Ranked bars (languages, models) and the helpers the other conversation charts share.
import type { Ranked } from '../../stats/types';
import type { ConvRow, SetName } from './conversation-pass';

export const LANGUAGES_TOP = 30;

/** Rows of one grouping set as ranked values, most conversations first, ties by value. */
export function ranked(rows: ConvRow[], set: SetName, key: 'dataset' | 'country' | 'language' | 'model' | 'topic'): Ranked[] {
  return rows
    .filter((r) => r.set === set)
    .map((r) => ({ value: r[key], count: r.n, flagged: r.flagged }))
    .sort(byCount);
}

export const byCount = (a: { value: string | null; count: number }, b: { value: string | null; count: number }) =>
  b.count - a.count || (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** The `n` most frequent non-null values. */
export const topValues = (xs: Ranked[], n: number): string[] =>
  xs
    .filter((x) => x.value !== null)
    .slice(0, n)
    .map((x) => x.value!);

export const languages = (rows: ConvRow[]) => ranked(rows, 'language', 'language').slice(0, LANGUAGES_TOP);
export const models = (rows: ConvRow[]) => ranked(rows, 'model', 'model');
