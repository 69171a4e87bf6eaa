// What each dataset kind does not record: LMSYS-Chat-1M has no geography, user, time, toxic flag
// or Detoxify scores. Those conversations count as missing, and the views say so by name.
import type { DatasetKind } from './schemas';

export const RECORDED_FIELDS = ['country', 'state', 'time', 'user', 'toxic', 'detoxify'] as const;
export type RecordedField = (typeof RECORDED_FIELDS)[number];

const UNRECORDED: Record<DatasetKind, readonly RecordedField[]> = {
  wildchat: [],
  'wildchat-4.8m': [],
  lmsys: ['country', 'state', 'time', 'user', 'toxic', 'detoxify'],
};

/** How the views name each field in their notices, with its verb. */
export const RECORDED_WORDS: Record<RecordedField, string> = {
  country: 'Country is',
  state: 'State is',
  time: 'Time is',
  user: 'The user (hashed IP) is',
  toxic: 'The toxic flag is',
  detoxify: 'Detoxify scores are',
};

interface Part {
  name: string;
  kind: DatasetKind;
}

/** The datasets a filter's `dataset` and `not_dataset` leave in the selection, in configuration order. */
export function selectedDatasets<P extends Part>(parts: readonly P[], only: readonly string[] = [], not: readonly string[] = []): P[] {
  return parts.filter((p) => (only.length === 0 || only.includes(p.name)) && !not.includes(p.name));
}

/** The selected datasets that do not record `field`. */
export const unrecordedIn = (field: RecordedField, parts: readonly Part[]): string[] =>
  parts.filter((p) => UNRECORDED[p.kind].includes(field)).map((p) => p.name);
