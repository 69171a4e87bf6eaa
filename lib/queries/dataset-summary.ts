import 'server-only';
// What the header says the app shows: the dataset's kind, size and time span, and whether it is
// the bundled synthetic sample. Computed once per opened index.
import { resolve, sep } from 'node:path';
import { SAMPLE_DIR } from '../config';
import type { DatasetKind } from '../dataset/schemas';
import { readManifest, type Manifest } from '../ingest/manifest';
import { currentScope, session } from '../server/index-db';
import { cachedForScope } from './cache';

export interface DatasetSummary {
  kind: DatasetKind; // the first dataset's
  /** Each dataset served, in configuration order. */
  datasets: { name: string; kind: DatasetKind; conversations: number }[];
  conversations: number;
  messages: number;
  /** First and last day (UTC) of the conversations' last turns; null without time (LMSYS). */
  first: string | null;
  last: string | null;
  /** The synthetic sample generated on first start, not real data. */
  sample: boolean;
}

export const KIND_NAMES: Record<DatasetKind, string> = {
  wildchat: 'WildChat-1M',
  'wildchat-4.8m': 'WildChat-4.8M',
  lmsys: 'LMSYS-Chat-1M',
};

/** The releases served, in words: `WildChat-1M`, or `WildChat-1M and LMSYS-Chat-1M`. */
export const releaseNames = (d: Pick<DatasetSummary, 'datasets'>): string =>
  [...new Set(d.datasets.map((p) => KIND_NAMES[p.kind]))].join(' and ');

/** The dataset in words, for captions: its release's name, or the synthetic sample said plainly. */
export const datasetName = (d: Pick<DatasetSummary, 'datasets' | 'sample'>): string =>
  d.sample ? `synthetic sample shaped like ${releaseNames(d)} (not real data)` : releaseNames(d);

/** Every page's header asks for it: once computed, no pooled connection is taken for it. */
export async function datasetSummary(): Promise<DatasetSummary> {
  return cachedForScope(await currentScope(), 'dataset-summary', () =>
    session(
      async (c) => {
        // The server opens only indexes of this build version: the manifest is whole.
        const m = (await readManifest(c)) as Manifest;
        const span = await c.one<{ first: string | null; last: string | null }>(
          `SELECT strftime(min(ts), '%Y-%m-%d') AS first, strftime(max(ts), '%Y-%m-%d') AS last FROM conversations`,
        );
        return {
          kind: m.kind,
          datasets: m.datasets.map((p) => ({ name: p.name, kind: p.kind, conversations: p.conversations })),
          conversations: m.conversations,
          messages: m.messages,
          first: span?.first ?? null,
          last: span?.last ?? null,
          // Built from the bundled sample's folders (also when served elsewhere with WILDSCOPE_INDEX).
          sample: m.datasets.every((p) => p.path.startsWith(resolve(SAMPLE_DIR) + sep)),
        };
      },
      { point: true },
    ),
  );
}
