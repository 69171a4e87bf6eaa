// Reads of a few conversations or their messages by row number (the index's own `idx`/`conv`).
// One point query per row lets each skip to its row group by min/max; an IN list makes DuckDB
// scan the whole table, for seconds when it is not in memory.
// Row numbers come from the index itself and are spelled as integer literals.

/** The messages of some conversations, as `columns` of the messages table; `and`: a further condition. */
export function messagesOfSql(convs: number[], columns: string, and?: string): string {
  return convs.map((n) => `SELECT ${columns} FROM messages WHERE conv = ${Math.trunc(n)}${and ? ` AND ${and}` : ''}`).join(' UNION ALL ');
}

/** Conversation rows (alias `c`) by their row numbers. */
export function conversationsOfSql(idxs: number[], columns: string): string {
  return idxs.map((n) => `SELECT ${columns} FROM conversations c WHERE c.idx = ${Math.trunc(n)}`).join(' UNION ALL ');
}
