import 'server-only';
// Finding a conversation by its id or by the identifier of one of its turns.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import { isTurnIdentifier } from '../ids';
import { session } from '../server/index-db';

/** Reads of one conversation or turn by its id, on connections scans never hold (server/index-db.ts). */
export const POINT = { point: true };

/** The row number of the conversation of a turn: its first message bearing that identifier. */
async function turnConversation(c: Connection, tid: string): Promise<number | undefined> {
  const t = await c.one<{ conv: number }>(`SELECT conv FROM turns WHERE tid = ${BigInt(tid)}`);
  return t ? Number(t.conv) : undefined;
}

/**
 * The conversation's row number: through the turns table (sorted by identifier) for WildChat ids,
 * by scanning ids for LMSYS. Ids reach SQL as literals only after isConversationId/isTurnIdentifier
 * checked them: literals, unlike bound parameters, let DuckDB skip row groups by min/max.
 */
export async function conversationIndex(c: Connection, id: string): Promise<number | undefined> {
  if (isTurnIdentifier(id)) {
    const conv = await turnConversation(c, id);
    if (conv !== undefined) return conv;
  }
  const sql = new Sql();
  const r = await c.one<{ idx: number }>(`SELECT idx FROM conversations WHERE id = ${sql.p(id)} ORDER BY idx LIMIT 1`, sql.params);
  return r ? Number(r.idx) : undefined;
}

/** The conversation a turn belongs to: the first message bearing that identifier. */
export async function resolveTurn(tid: string): Promise<{ conversation_id: string; turn_identifier: string } | undefined> {
  if (!isTurnIdentifier(tid)) return undefined;
  return session(async (c) => {
    const conv = await turnConversation(c, tid);
    if (conv === undefined) return undefined;
    const r = await c.one<{ id: string }>(`SELECT id FROM conversations WHERE idx = ${conv}`);
    return r ? { conversation_id: r.id, turn_identifier: tid } : undefined;
  }, POINT);
}
