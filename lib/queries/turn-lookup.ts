import 'server-only';
// Finding a conversation by its id or by the identifier of one of its turns.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import { isTurnIdentifier } from '../ids';
import { session } from '../server/index-db';
import { datasetOfRow, datasetsOn } from './datasets';

/** Reads of one conversation or turn by its id, on connections scans never hold (server/index-db.ts). */
export const POINT = { point: true };

/** A conversation found by its id: its row, its dataset, and the other datasets holding the same id. */
export interface Found {
  idx: number;
  dataset: string;
  also_in: string[];
}

/**
 * The conversation's row, in the first dataset (configuration order) holding the id, or in
 * `dataset`: through the turns table (sorted by identifier; a row per dataset) for WildChat ids, by
 * scanning ids for LMSYS. Ids reach SQL as literals only after isConversationId/isTurnIdentifier
 * checked them: literals, unlike bound parameters, let DuckDB skip row groups by min/max.
 */
export async function findConversation(c: Connection, id: string, dataset?: string): Promise<Found | undefined> {
  let rows: number[] = [];
  if (isTurnIdentifier(id))
    rows = (await c.all<{ conv: number }>(`SELECT conv FROM turns WHERE tid = ${BigInt(id)} ORDER BY conv`)).map((r) => Number(r.conv));
  if (rows.length === 0) {
    const sql = new Sql();
    rows = (await c.all<{ idx: number }>(`SELECT idx FROM conversations WHERE id = ${sql.p(id)} ORDER BY idx`, sql.params)).map((r) =>
      Number(r.idx),
    );
  }
  const parts = await datasetsOn(c);
  // The first row of each dataset holding the id (a dataset may hold derived copies: -2, -3 are other ids).
  const held = new Map<string, number>();
  for (const idx of rows) {
    const name = datasetOfRow(parts, idx)?.name;
    if (name !== undefined && !held.has(name)) held.set(name, idx);
  }
  const name = dataset ?? held.keys().next().value;
  const idx = name === undefined ? undefined : held.get(name);
  if (name === undefined || idx === undefined) return undefined;
  return { idx, dataset: name, also_in: [...held.keys()].filter((n) => n !== name) };
}

/** The conversation's row number (the first dataset's): see findConversation. */
export async function conversationIndex(c: Connection, id: string): Promise<number | undefined> {
  return (await findConversation(c, id))?.idx;
}

/** The conversation a turn belongs to (the first message bearing that identifier), in the first dataset holding it or in `dataset`. */
export async function resolveTurn(
  tid: string,
  dataset?: string,
): Promise<{ conversation_id: string; turn_identifier: string; dataset: string; also_in: string[] } | undefined> {
  if (!isTurnIdentifier(tid)) return undefined;
  return session(async (c) => {
    const parts = await datasetsOn(c);
    const held = new Map<string, number>();
    for (const r of await c.all<{ conv: number }>(`SELECT conv FROM turns WHERE tid = ${BigInt(tid)} ORDER BY conv`)) {
      const name = datasetOfRow(parts, Number(r.conv))?.name;
      if (name !== undefined && !held.has(name)) held.set(name, Number(r.conv));
    }
    const name = dataset ?? held.keys().next().value;
    const conv = name === undefined ? undefined : held.get(name);
    if (name === undefined || conv === undefined) return undefined;
    const r = await c.one<{ id: string }>(`SELECT id FROM conversations WHERE idx = ${conv}`);
    return r
      ? { conversation_id: r.id, turn_identifier: tid, dataset: name, also_in: [...held.keys()].filter((n) => n !== name) }
      : undefined;
  }, POINT);
}
