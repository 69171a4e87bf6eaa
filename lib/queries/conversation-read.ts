import 'server-only';
// One conversation read by its id: its row and messages at once on the point-read connections, made
// again should an ingest swap the index between the reads, and each message shaped for the API.
import { CATEGORIES, DETOXIFY, underscored } from '../dataset/moderation';
import { session, textOf } from '../server/index-db';
import { ISO, ROW_COLUMNS, type ConversationRow } from './row-columns';
import { findConversation, POINT } from './turn-lookup';

export interface Moderation {
  flagged: boolean | null;
  openai: Record<string, { score: number | null; flagged: boolean | null }> | null;
  detoxify: Record<string, number | null> | null;
}

export interface Message {
  role: string;
  content: string;
  turn_identifier: string | null;
  timestamp: string | null;
  language: string | null;
  toxic: boolean | null;
  redacted: boolean | null;
  moderation: Moderation;
}

export interface Conversation extends ConversationRow {
  first_timestamp: string | null;
  user_agent: string | null;
  accept_language: string | null;
  n_messages: number;
  n_chars: number;
  flagged: boolean | null;
  /** Other datasets holding a conversation with the same id, in configuration order. */
  also_in: string[];
  messages: Message[];
}

/** `dataset`: the one to read it from when several hold the id (default: the first in configuration order). */
export async function getConversation(id: string, dataset?: string): Promise<Conversation | undefined> {
  return (await readConversation(id, undefined, false, dataset))?.conversation;
}

/** What a page needs to show a turn it does not render: its role and identifier. */
export interface TurnStub {
  role: string;
  turn_identifier: string | null;
}

/** The conversation with its first `head` messages in full and only stubs for the rest. */
export async function getConversationHead(
  id: string,
  head: number,
  dataset?: string,
): Promise<(Conversation & { later: TurnStub[] }) | undefined> {
  const r = await readConversation(id, head, false, dataset);
  return r && { ...r.conversation, later: r.later };
}

/** Where a test swaps the index between a conversation's lookup and its reads; unset in production. */
export const readHooks: { afterLookup?: () => Promise<void> } = {};

/**
 * The conversation's row and its messages are read at once on two pooled connections (each query
 * decodes a vector of every column it reads, a good part of a page's time). Should
 * an ingest swap the index between the lookup and the reads, they are made again on the new one.
 */
async function readConversation(
  id: string,
  head?: number,
  retried = false,
  dataset?: string,
): Promise<{ conversation: Conversation; later: TurnStub[] } | undefined> {
  const found = await session(async (c, scope) => ({ at: await findConversation(c, id, dataset), scope }), POINT);
  if (readHooks.afterLookup) await readHooks.afterLookup();
  if (found.at === undefined) return undefined;
  const { idx, also_in } = found.at;
  // On a swapped index the row number may name another conversation or none (past the text
  // store's end): read nothing there, and look the id up again.
  const [header, body] = await Promise.all([
    session(
      async (c, scope) => ({
        scope,
        conv:
          scope !== found.scope
            ? undefined
            : await c.one<Conversation>(
                `SELECT ${ROW_COLUMNS}, ${ISO('c.first_ts')} AS first_timestamp, c.user_agent, c.accept_language,
           c.n_messages, c.n_chars::BIGINT AS n_chars, c.flagged
         FROM conversations c WHERE c.idx = ${idx}`,
              ),
      }),
      POINT,
    ),
    session(async (c, scope) => {
      if (scope !== found.scope) return { scope, rows: [], texts: [], later: [] };
      const cut = head === undefined ? '' : ` AND pos < ${Math.trunc(head)}`;
      const rows = await c.all<Record<string, unknown>>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv = ${idx}${cut} ORDER BY pos`);
      const texts = textOf(c).read(idx, { to: head });
      // Stubs only for a conversation longer than the head: most pages need no third query.
      const later =
        head !== undefined && rows.length === head
          ? await c.all<TurnStub>(`SELECT role, turn_identifier::VARCHAR AS turn_identifier FROM messages
            WHERE conv = ${idx} AND pos >= ${Math.trunc(head)} ORDER BY pos`)
          : [];
      return { scope, rows, texts, later };
    }, POINT),
  ]);
  if (header.scope !== found.scope || body.scope !== found.scope) return retried ? undefined : readConversation(id, head, true, dataset);
  const conv = header.conv;
  if (!conv || conv.id !== id) return undefined;
  return {
    conversation: {
      ...conv,
      n_chars: Number(conv.n_chars),
      also_in,
      messages: withText(
        body.rows,
        body.texts.map((t) => t.text),
      ),
    },
    later: body.later,
  };
}

/** Message rows (MESSAGE_COLUMNS, in position order) with their text from the store, shaped by toMessage. */
export function withText(rows: Record<string, unknown>[], texts: string[]): Message[] {
  if (rows.length !== texts.length)
    throw new Error(`the index holds ${rows.length} messages but the text store ${texts.length}: rebuild the index`);
  return rows.map((r, i) => toMessage(r, texts[i]!));
}

/** Columns of the messages table that toMessage reads (plus conv, for grouping). */
export const MESSAGE_COLUMNS = `conv, role, turn_identifier::VARCHAR AS turn_identifier, ${ISO('ts')} AS "timestamp",
  language, toxic, redacted, flagged, ${CATEGORIES.map((c) => `s_${underscored(c)}, f_${underscored(c)}`).join(', ')},
  ${DETOXIFY.map((d) => `d_${d}`).join(', ')}`;

/** A message row as the API shapes it: moderation grouped, null where a message was not scored. */
export function toMessage(r: Record<string, unknown>, content: string): Message {
  const scored = CATEGORIES.some((c) => r[`s_${underscored(c)}`] != null);
  const detoxified = DETOXIFY.some((d) => r[`d_${d}`] != null);
  return {
    role: r.role as string,
    content,
    turn_identifier: r.turn_identifier as string | null,
    timestamp: r.timestamp as string | null,
    language: r.language as string | null,
    toxic: r.toxic as boolean | null,
    redacted: r.redacted as boolean | null,
    moderation: {
      flagged: r.flagged as boolean | null,
      openai: scored
        ? Object.fromEntries(
            CATEGORIES.map((c) => [
              c,
              {
                score: r[`s_${underscored(c)}`] as number | null,
                flagged: r[`f_${underscored(c)}`] as boolean | null,
              },
            ]),
          )
        : null,
      detoxify: detoxified ? Object.fromEntries(DETOXIFY.map((d) => [d, r[`d_${d}`] as number | null])) : null,
    },
  };
}
