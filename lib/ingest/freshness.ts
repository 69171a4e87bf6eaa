// Whether the index in the cache matches the Parquet files named by WILDSCOPE_DATA.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataSources, INDEX_FILE } from '../config';
import { Database } from '../db/duckdb';
import { BUILD_VERSION, readManifestFile, type Manifest } from './manifest';
import { listDatasets, sameSources, vectorSources } from './sources';

/** `outdated`: built by another version of Wildscope, which this one cannot serve (stale ones it can, while rebuilding). */
export type Freshness = { state: 'missing' } | { state: 'stale' | 'fresh' | 'corrupt' | 'outdated'; reason?: string };

/** `vectors`: the WILDSCOPE_VECTORS file the map is built from, if any. */
export async function indexFreshness(data: string, cache: string, vectors?: string): Promise<Freshness> {
  const path = join(cache, INDEX_FILE);
  if (!existsSync(path)) return { state: 'missing' };
  let manifest: Partial<Manifest>;
  try {
    manifest = await readManifestFile(path);
  } catch (e) {
    return { state: 'corrupt', reason: String(e instanceof Error ? e.message : e).split('\n')[0] };
  }
  if (manifest.buildVersion !== BUILD_VERSION) return { state: 'outdated', reason: 'built by another version' };
  const mem = await Database.open(':memory:', { threads: 1 });
  try {
    const now = await listDatasets(dataSources(data), await mem.connect());
    const built = manifest.datasets!;
    // A bare path's dataset is named by its kind, known only once read: any name matches it.
    const renamed = now.length !== built.length || now.some((d, i) => d.name !== undefined && d.name !== built[i]!.name);
    if (renamed) return { state: 'stale', reason: 'the datasets of WILDSCOPE_DATA changed' };
    const changed = now.find((d, i) => !sameSources(d.sources, built[i]!.sources));
    if (changed)
      return {
        state: 'stale',
        reason: now.length === 1 ? 'the Parquet files changed' : `the Parquet files of ${built[now.indexOf(changed)]!.name} changed`,
      };
    return sameSources(vectorSources(vectors), manifest.vectors ?? [])
      ? { state: 'fresh' }
      : { state: 'stale', reason: 'the vectors file changed' };
  } catch (e) {
    return { state: 'stale', reason: String(e instanceof Error ? e.message : e) };
  } finally {
    mem.close();
  }
}
