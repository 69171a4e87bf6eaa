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

/** The rows of the conversations holding turn `tid`, one per dataset, in configuration order. */
async function turnRows(c: Connection, tid: string): Promise<number[]> {
  return (await c.all<{ conv: number }>(`SELECT conv FROM turns WHERE tid = ${BigInt(tid)} ORDER BY conv`)).map((r) => Number(r.conv));
}

/**
 * Of `rows` (in row order), the first of `dataset`, or of the first dataset holding any, with the
 * other datasets holding one (a dataset may hold derived copies: -2, -3 are other ids).
 */
async function pick(c: Connection, rows: number[], dataset?: string): Promise<Found | undefined> {
  const parts = await datasetsOn(c);
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

/**
 * The conversation's row, in the first dataset (configuration order) holding the id, or in
 * `dataset`: through the turns table (sorted by identifier; a row per dataset) for WildChat ids, by
 * scanning ids for LMSYS. Ids reach SQL as literals only after isConversationId/isTurnIdentifier
 * checked them: literals, unlike bound parameters, let DuckDB skip row groups by min/max.
 */
export async function findConversation(c: Connection, id: string, dataset?: string): Promise<Found | undefined> {
  let rows = isTurnIdentifier(id) ? await turnRows(c, id) : [];
  if (rows.length === 0) {
    const sql = new Sql();
    rows = (await c.all<{ idx: number }>(`SELECT idx FROM conversations WHERE id = ${sql.p(id)} ORDER BY idx`, sql.params)).map((r) =>
      Number(r.idx),
    );
  }
  return pick(c, rows, dataset);
}

/** The conversation a turn belongs to (the first message bearing that identifier), in the first dataset holding it or in `dataset`. */
export async function resolveTurn(
  tid: string,
  dataset?: string,
): Promise<{ conversation_id: string; turn_identifier: string; dataset: string; also_in: string[] } | undefined> {
  if (!isTurnIdentifier(tid)) return undefined;
  return session(async (c) => {
    const found = await pick(c, await turnRows(c, tid), dataset);
    if (!found) return undefined;
    const r = await c.one<{ id: string }>(`SELECT id FROM conversations WHERE idx = ${found.idx}`);
    return r ? { conversation_id: r.id, turn_identifier: tid, dataset: found.dataset, also_in: found.also_in } : undefined;
  }, POINT);
}
