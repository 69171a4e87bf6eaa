import 'server-only';
// Answers for the unfiltered selection (charts' passes, the landing page's counts), computed once
// per index build: the key is the open index's manifest (written once by each ingest), read on the
// connection answering, so a swapped index never serves the previous one's numbers.
import type { Connection } from '../db/duckdb';

let indexKey: string | undefined;
const entries = new Map<string, Promise<unknown>>();

export async function cachedPerIndex<T>(c: Connection, key: string, compute: () => Promise<T>): Promise<T> {
  const manifest = (await c.one<{ json: string }>('SELECT json FROM manifest'))?.json ?? '';
  if (manifest !== indexKey) {
    indexKey = manifest;
    entries.clear();
  }
  let hit = entries.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = compute();
    entries.set(key, hit);
    hit.catch(() => entries.delete(key));
  }
  return hit;
}
