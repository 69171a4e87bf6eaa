// An ART index on conversations.idx, the row number every page reads its rows by. Without it DuckDB
// finds 50 rows by scanning and decompressing whole columns (a page's previews cost 40-100 ms at
// 100k conversations, most of a rare word's search); through it, each row is fetched on its own.
import type { Connection } from '../db/duckdb';

export const NUMBER_INDEX = 'conversations_by_idx';

/** Builds the index; the conversations table must be complete (DuckDB will not alter an indexed column). */
export async function indexConversationNumbers(conn: Connection): Promise<void> {
  await conn.run(`CREATE UNIQUE INDEX ${NUMBER_INDEX} ON conversations (idx)`);
}
