import 'server-only';
// The datasets of the index (WILDSCOPE_DATA's named sources, in configuration order) and which one
// holds a row: each dataset's conversations are one run of row numbers (ingest/build.ts).
import type { Connection } from '../db/duckdb';
import { readManifest, type DatasetPart, type Manifest } from '../ingest/manifest';
import { currentScope, session } from '../server/index-db';
import { cachedForScope, cachedPerIndex } from './cache';

export type { DatasetPart };

/** The datasets, read once per opened index. */
export function datasetsOn(c: Connection): Promise<DatasetPart[]> {
  return cachedPerIndex(c, 'datasets', async () => ((await readManifest(c)) as Manifest).datasets);
}

export async function datasets(): Promise<DatasetPart[]> {
  return cachedForScope(await currentScope(), 'datasets', () =>
    session(async (c) => ((await readManifest(c)) as Manifest).datasets, { point: true }),
  );
}

/** The dataset holding row `idx`. */
export function datasetOfRow(parts: DatasetPart[], idx: number): DatasetPart | undefined {
  return parts.find((p) => idx >= p.first && idx < p.first + p.conversations);
}

/** `?dataset=` of an id route: none asked, the one asked, or an error naming the datasets served. */
export async function chosenDataset(sp: URLSearchParams): Promise<{ dataset?: string; error?: string }> {
  const asked = sp.getAll('dataset').filter((v) => v.trim() !== '');
  if (asked.length === 0) return {};
  const names = (await datasets()).map((p) => p.name);
  if (asked.length > 1) return { error: 'dataset may be given once on a conversation or turn' };
  const name = asked[0]!.trim();
  if (!names.includes(name)) return { error: `dataset must be one of ${names.join(', ')}, got ${JSON.stringify(name.slice(0, 40))}` };
  return { dataset: name };
}
