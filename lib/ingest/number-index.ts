// ART indexes on the numbers rows are read by one at a time: conversations.idx, by which a page
// fetches its rows, and users.uid, by which the top users of a facet pass get their hashed IPs (a
// search's few matches name theirs from an array kept per index, queries/facets.ts). Without
// them DuckDB finds a few rows by scanning and decompressing whole columns (a page's previews took
// 40-100 ms at 100k conversations, most of a rare word's search); through them, each row is
// fetched on its own.
import type { Connection } from '../db/duckdb';

/** Builds the indexes; the tables must be complete (DuckDB will not alter an indexed table's columns). */
export async function indexRowNumbers(conn: Connection): Promise<void> {
  await conn.run('CREATE UNIQUE INDEX conversations_by_idx ON conversations (idx)');
  await conn.run('CREATE UNIQUE INDEX users_by_uid ON users (uid)');
}
