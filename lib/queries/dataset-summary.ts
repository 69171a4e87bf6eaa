import 'server-only';
// What the header says the app shows: the dataset's kind, size and time span, and whether it is
// the bundled synthetic sample. Computed once per opened index.
import { resolve } from 'node:path';
import { config, SAMPLE_DIR } from '../config';
import type { DatasetKind } from '../dataset/schemas';
import { readManifest, type Manifest } from '../ingest/manifest';
import { currentScope, session } from '../server/index-db';
import { cachedForScope } from './cache';

export interface DatasetSummary {
  kind: DatasetKind;
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

/** The dataset in words, for captions: its release's name, or the synthetic sample said plainly. */
export const datasetName = (d: Pick<DatasetSummary, 'kind' | 'sample'>): string =>
  d.sample ? `synthetic sample shaped like ${KIND_NAMES[d.kind]} (not real data)` : KIND_NAMES[d.kind];

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
          conversations: m.conversations,
          messages: m.messages,
          first: span?.first ?? null,
          last: span?.last ?? null,
          sample: config().data === resolve(SAMPLE_DIR),
        };
      },
      { point: true },
    ),
  );
}
