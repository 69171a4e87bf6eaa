import 'server-only';
// What the header says the app shows: the dataset's kind, size and time span, and whether it is
// the bundled synthetic sample. Computed once per opened index.
import { resolve } from 'node:path';
import { config, SAMPLE_DIR } from '../config';
import type { DatasetKind } from '../dataset/schemas';
import { session } from '../server/index-db';
import { cachedPerIndex } from './cache';

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

export function datasetSummary(): Promise<DatasetSummary> {
  return session(
    (c) =>
      cachedPerIndex(c, 'dataset-summary', async () => {
        const m = JSON.parse((await c.one<{ json: string }>('SELECT json FROM manifest'))!.json) as {
          kind: DatasetKind;
          conversations: number;
          messages: number;
        };
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
      }),
    { point: true },
  );
}
