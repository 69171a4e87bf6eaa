import 'server-only';
// Typed reads of conversations: the listing, one conversation with its messages, turn lookups.
import { CATEGORIES, DETOXIFY, underscored } from '../dataset/moderation';
import { buildWhere, Sql } from '../filters/where';
import type { Filter, Listing } from '../filters/schema';
import type { Connection } from '../db/duckdb';
import { isTurnIdentifier } from '../ids';
import { snippetFinder } from '../search/snippet';
import { session, textOf } from '../server/index-db';
import type { TextStore } from '../text/store';
import { cubeAnswers, cubeCounts } from './facet-cube';
import { withMatches } from './selection';

export interface ConversationRow {
  id: string; conversation_hash: string | null; model: string | null; timestamp: string | null; turns: number;
  language: string | null; country: string | null; state: string | null; hashed_ip: string | null;
  toxic: boolean | null; redacted: boolean | null; preview: string | null; max_moderation: number | null;
  /** With a search: the first matching message, cut around its first hit (null when only a phrase's order matched elsewhere). */
  snippet?: string | null;
}

export const ISO = (col: string) => `strftime(${col}, '%Y-%m-%dT%H:%M:%S.%fZ')`;

export const ROW_COLUMNS = `c.id, c.conversation_hash, c.model, ${ISO('c.ts')} AS "timestamp", c.turns, c.language,
  c.country, c.state, c.hashed_ip, c.toxic, c.redacted, c.preview, c.max_moderation`;

/** Sort orders over conversations `a`; relevance also needs the matches' score, from `h`. */
const ORDER: Record<Listing['sort'], (a: string, h: string) => string> = {
  newest: (a) => `${a}.ts DESC NULLS LAST, ${a}.idx DESC`,
  oldest: (a) => `${a}.ts ASC NULLS LAST, ${a}.idx ASC`,
  turns: (a) => `${a}.turns DESC, ${a}.ts DESC NULLS LAST, ${a}.idx DESC`,
  moderation: (a) => `${a}.max_moderation DESC NULLS LAST, ${a}.idx`,
  relevance: (a, h) => `${h}.score DESC, ${a}.ts DESC NULLS LAST, ${a}.idx DESC`,
};

/** The ORDER BY of a listing (relevance needs a search; without one it falls back to newest). */
export const orderBy = (filter: Filter, sort: Listing['sort'], a = 'c', h = 'h') =>
  (sort === 'relevance' && !filter.q ? ORDER.newest : ORDER[sort])(a, h);

function selectionParts(filter: Filter, sort: Listing['sort'], hits?: string) {
  const sql = new Sql();
  const relevance = sort === 'relevance' && !!filter.q;
  if (relevance && !hits) throw new Error('a relevance order needs the search\'s matches (queries/selection.ts withMatches)');
  const join = relevance ? `JOIN ${hits} h ON h.conv = c.idx` : '';
  const w = buildWhere(filter, sql, { hits, joined: relevance });
  return { sql, relevance, from: `conversations c ${join} WHERE ${w.where}` };
}

/**
 * The SELECT behind listings and exports, without paging; `hits` as made by withMatches.
 * `columns` may use orderBy() in a window, e.g. to number the rows.
 */
export function selectionSql(filter: Filter, sort: Listing['sort'], columns = ROW_COLUMNS, hits?: string): { text: string; params: unknown[] } {
  const { sql, from } = selectionParts(filter, sort, hits);
  return { text: `SELECT ${columns} FROM ${from} ORDER BY ${orderBy(filter, sort)}`, params: sql.params };
}

/**
 * One page of the selection: its rows are picked on the sort columns alone, then read whole by
 * rowid (which is idx). Sorting the selected rows with their text columns along costs several
 * times more at WildChat scale.
 */
export function pageSql(filter: Filter, listing: Listing, hits?: string): { text: string; params: unknown[] } {
  const { sql, relevance, from } = selectionParts(filter, listing.sort, hits);
  const page = `SELECT c.rowid AS r, c.idx, c.ts, c.turns, c.max_moderation${relevance ? ', h.score' : ''} FROM ${from}
    ORDER BY ${orderBy(filter, listing.sort)} LIMIT ${listing.limit} OFFSET ${listing.offset}`;
  return {
    text: `SELECT ${ROW_COLUMNS}, c.idx AS conv_idx FROM conversations c JOIN (${page}) o ON c.rowid = o.r
      ORDER BY ${orderBy(filter, listing.sort, 'o', 'o')}`,
    params: sql.params,
  };
}

/** The first message of each conversation (row numbers from the index) that holds a search word, cut around it. */
function snippetsOf(text: TextStore, filter: Filter, convs: number[]): Map<number, string> {
  const find = snippetFinder(filter.q!);
  const out = new Map<number, string>();
  for (const conv of convs) {
    text.some(conv, (m) => {
      const snippet = find(m.text);
      if (snippet) out.set(conv, snippet);
      return snippet !== null;
    }, { role: filter.role });
  }
  return out;
}

export interface ConversationList { total: number; rows: ConversationRow[] }

/** Reads of one conversation or turn by its id, on connections scans never hold (server/index-db.ts). */
const POINT = { point: true };

export function listConversations(filter: Filter, listing: Listing): Promise<ConversationList> {
  return withMatches(filter, (c, hits) => listWith(c, filter, listing, hits));
}

/** One page of the selection, on a connection holding the request's matches (`hits`). With a search, each row carries a snippet of its first matching message. */
export async function pageRows(c: Connection, filter: Filter, listing: Listing, hits?: string): Promise<ConversationRow[]> {
  const s = pageSql(filter, listing, hits);
  const found = await c.all<ConversationRow & { conv_idx: number }>(s.text, s.params as never);
  const snippets = filter.q ? snippetsOf(textOf(c), filter, found.map((r) => Number(r.conv_idx))) : undefined;
  return found.map(({ conv_idx, ...row }) => (snippets ? { ...row, snippet: snippets.get(Number(conv_idx)) ?? null } : row));
}

/** One page of the selection and its total. */
export async function listWith(c: Connection, filter: Filter, listing: Listing, hits?: string): Promise<ConversationList> {
  const rows = await pageRows(c, filter, listing, hits);
  const cube = cubeAnswers(filter) ? await cubeCounts(c, filter) : undefined;
  if (cube) return { total: cube.total, rows };
  const countSql = new Sql();
  const w = buildWhere(filter, countSql, { hits });
  const total = await c.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM conversations c WHERE ${w.where}`, countSql.params);
  return { total: total?.n ?? 0, rows };
}

export interface Moderation {
  flagged: boolean | null;
  openai: Record<string, { score: number | null; flagged: boolean | null }> | null;
  detoxify: Record<string, number | null> | null;
}

export interface Message {
  role: string; content: string; turn_identifier: string | null; timestamp: string | null; language: string | null;
  toxic: boolean | null; redacted: boolean | null; moderation: Moderation;
}

export interface Conversation extends ConversationRow {
  first_timestamp: string | null; user_agent: string | null; accept_language: string | null; n_messages: number;
  n_chars: number; flagged: boolean | null; messages: Message[];
}

/**
 * The conversation's row number: through the turns table (sorted by identifier) for WildChat ids,
 * by scanning ids for LMSYS. Ids reach SQL as literals only after isConversationId/isTurnIdentifier
 * checked them: literals, unlike bound parameters, let DuckDB skip row groups by min/max.
 */
async function conversationIndex(c: Connection, id: string): Promise<number | undefined> {
  if (isTurnIdentifier(id)) {
    const t = await c.one<{ conv: number }>(`SELECT conv FROM turns WHERE tid = ${BigInt(id)}`);
    if (t) return Number(t.conv);
  }
  const r = await c.one<{ idx: number }>('SELECT idx FROM conversations WHERE id = $1 ORDER BY idx LIMIT 1', [id]);
  return r ? Number(r.idx) : undefined;
}

export async function getConversation(id: string): Promise<Conversation | undefined> {
  return (await readConversation(id))?.conversation;
}

/** What a page needs to show a turn it does not render: its role and identifier. */
export interface TurnStub { role: string; turn_identifier: string | null }

/** The conversation with its first `head` messages in full and only stubs for the rest. */
export async function getConversationHead(id: string, head: number): Promise<(Conversation & { later: TurnStub[] }) | undefined> {
  const r = await readConversation(id, head);
  return r && { ...r.conversation, later: r.later };
}

/** Where a test swaps the index between a conversation's lookup and its reads; unset in production. */
export const readHooks: { afterLookup?: () => Promise<void> } = {};

/**
 * The conversation's row and its messages are read at once on two pooled connections (each query
 * decodes a vector of every column it reads, a good part of a page's time). Should
 * an ingest swap the index between the lookup and the reads, they are made again on the new one.
 */
async function readConversation(id: string, head?: number, retried = false): Promise<{ conversation: Conversation; later: TurnStub[] } | undefined> {
  const found = await session(async (c, scope) => ({ idx: await conversationIndex(c, id), scope }), POINT);
  if (readHooks.afterLookup) await readHooks.afterLookup();
  if (found.idx === undefined) return undefined;
  const idx = found.idx;
  // On a swapped index the row number may name another conversation or none (past the text
  // store's end): read nothing there, and look the id up again.
  const [header, body] = await Promise.all([
    session(async (c, scope) => ({
      scope,
      conv: scope !== found.scope ? undefined : await c.one<Conversation>(
        `SELECT ${ROW_COLUMNS}, ${ISO('c.first_ts')} AS first_timestamp, c.user_agent, c.accept_language,
           c.n_messages, c.n_chars::BIGINT AS n_chars, c.flagged
         FROM conversations c WHERE c.idx = ${idx}`),
    }), POINT),
    session(async (c, scope) => {
      if (scope !== found.scope) return { scope, rows: [], texts: [], later: [] };
      const cut = head === undefined ? '' : ` AND pos < ${Math.trunc(head)}`;
      const rows = await c.all<Record<string, unknown>>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv = ${idx}${cut} ORDER BY pos`);
      const texts = textOf(c).read(idx, { to: head });
      // Stubs only for a conversation longer than the head: most pages need no third query.
      const later = head !== undefined && rows.length === head
        ? await c.all<TurnStub>(`SELECT role, turn_identifier::VARCHAR AS turn_identifier FROM messages
            WHERE conv = ${idx} AND pos >= ${Math.trunc(head)} ORDER BY pos`)
        : [];
      return { scope, rows, texts, later };
    }, POINT),
  ]);
  if (header.scope !== found.scope || body.scope !== found.scope) return retried ? undefined : readConversation(id, head, true);
  const conv = header.conv;
  if (!conv || conv.id !== id) return undefined;
  return { conversation: { ...conv, n_chars: Number(conv.n_chars), messages: withText(body.rows, body.texts.map((t) => t.text)) }, later: body.later };
}

/** Message rows (MESSAGE_COLUMNS, in position order) with their text from the store, shaped by toMessage. */
export function withText(rows: Record<string, unknown>[], texts: string[]): Message[] {
  if (rows.length !== texts.length) throw new Error(`the index holds ${rows.length} messages but the text store ${texts.length}: rebuild the index`);
  return rows.map((r, i) => toMessage(r, texts[i]));
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
    role: r.role as string, content, turn_identifier: r.turn_identifier as string | null,
    timestamp: r.timestamp as string | null, language: r.language as string | null, toxic: r.toxic as boolean | null,
    redacted: r.redacted as boolean | null,
    moderation: {
      flagged: r.flagged as boolean | null,
      openai: scored ? Object.fromEntries(CATEGORIES.map((c) => [c, {
        score: r[`s_${underscored(c)}`] as number | null, flagged: r[`f_${underscored(c)}`] as boolean | null }])) : null,
      detoxify: detoxified ? Object.fromEntries(DETOXIFY.map((d) => [d, r[`d_${d}`] as number | null])) : null,
    },
  };
}

/** The conversation a turn belongs to: the first message bearing that identifier. */
export async function resolveTurn(tid: string): Promise<{ conversation_id: string; turn_identifier: string } | undefined> {
  if (!isTurnIdentifier(tid)) return undefined;
  return session(async (c) => {
    const t = await c.one<{ conv: number }>(`SELECT conv FROM turns WHERE tid = ${BigInt(tid)}`);
    if (!t) return undefined;
    const r = await c.one<{ id: string }>(`SELECT id FROM conversations WHERE idx = ${Number(t.conv)}`);
    return r ? { conversation_id: r.id, turn_identifier: tid } : undefined;
  }, POINT);
}
