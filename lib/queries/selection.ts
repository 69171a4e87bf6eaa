import 'server-only';
// A search's matches computed once per request: kept in a temporary table on one pooled
// connection, so rows, totals and every facet of a view reuse them instead of searching again.
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { matchesSql, Sql } from '../filters/where';
import { session } from '../server/index-db';

let counter = 0;

export function withMatches<T>(filter: Filter, fn: (c: Connection, hits?: string) => Promise<T>): Promise<T> {
  return session(async (c) => {
    if (!filter.q) return fn(c);
    const name = `matches_${++counter}`;
    const sql = new Sql();
    await c.run(`CREATE TEMP TABLE ${name} AS ${matchesSql(filter, sql)}`, sql.params);
    try {
      return await fn(c, name);
    } finally {
      await c.run(`DROP TABLE IF EXISTS ${name}`);
    }
  });
}
