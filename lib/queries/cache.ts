import 'server-only';
// Answers for the unfiltered selection (charts' passes, the landing page's counts, the facet cube),
// computed once per opened index: keyed by the scope of the connection answering, so a swapped
// index never serves the previous one's numbers.
import type { Connection } from '../db/duckdb';
import { scopeOf, type Scope } from '../server/index-db';

let indexScope: Scope | undefined;
const entries = new Map<string, Promise<unknown>>();

export function cachedPerIndex<T>(c: Connection, key: string, compute: () => Promise<T>): Promise<T> {
  return cachedForScope(scopeOf(c), key, compute);
}

/** The same, for an answer asked without a connection in hand (one is taken only to compute it). */
export async function cachedForScope<T>(scope: Scope, key: string, compute: () => Promise<T>): Promise<T> {
  if (scope !== indexScope) {
    indexScope = scope;
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
