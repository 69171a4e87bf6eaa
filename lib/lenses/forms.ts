import 'server-only';
// Surface forms of vocabulary terms the ingest's sample missed: found in the text of the first
// conversation holding each, and kept for the opened index.
import type { Connection } from '../db/duckdb';
import { scopeOf, textOf, type Scope } from '../server/index-db';
import { forEachSurface, termKey } from './words';

const known = new WeakMap<Scope, Map<string, string | null>>();

/** The most common spelling of each term (a UBIGINT id in decimal) in a conversation holding it. */
export async function formsOf(c: Connection, terms: string[]): Promise<Map<string, string | null>> {
  const scope = scopeOf(c);
  let cache = known.get(scope);
  if (!cache) known.set(scope, (cache = new Map()));
  const missing = terms.filter((t) => !cache.has(t));
  if (missing.length) {
    const rows = await c.all<{ term: string; conv: number }>(
      `SELECT term::VARCHAR AS term, min(conv)::INTEGER AS conv FROM postings WHERE term IN (${missing.map((t) => `${BigInt(t)}::UBIGINT`).join(', ')}) GROUP BY term`,
    );
    const text = textOf(c);
    for (const { term, conv } of rows) {
      const want = BigInt(term);
      const seen = new Map<string, number>();
      for (const m of text.read(conv)) {
        forEachSurface(m.text, (lower, surface) => {
          if (termKey(lower) === want) seen.set(surface, (seen.get(surface) ?? 0) + 1);
        });
      }
      const best = [...seen].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0];
      cache.set(term, best ? best[0] : null);
    }
  }
  return new Map(terms.map((t) => [t, cache.get(t) ?? null]));
}
