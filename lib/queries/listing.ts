import 'server-only';
// The listing of a selection: its SELECT in a sort order (shared with exports and the result
// walker), one page of rows with their snippets, and the total.
import type { Connection } from '../db/duckdb';
import { Sql, type Statement } from '../db/sql';
import type { Filter, Listing } from '../filters/schema';
import { planOf } from '../search/query';
import { snippetFinderOf } from '../search/snippet';
import { textOf } from '../server/index-db';
import type { TextStore } from '../text/store';
import { isUnfiltered } from '../filters/where';
import { cachedPerIndex } from './cache';
import { newestPage } from './newest-page';
import { ROW_COLUMNS, type ConversationRow } from './row-columns';
import { withSelection, type Selection } from './selection';

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

function selectionParts(sel: Selection, sort: Listing['sort']) {
  const sql = new Sql();
  const relevance = sort === 'relevance' && !!sel.filter.q;
  const join = relevance ? sel.joinMatches('h') : '';
  const where = sel.where(sql, { joined: relevance });
  return { sql, relevance, from: `conversations c ${join} WHERE ${where}` };
}

/**
 * The SELECT behind listings and exports, without paging.
 * `columns` may use orderBy() in a window, e.g. to number the rows.
 */
export function selectionSql(sel: Selection, sort: Listing['sort'], columns = ROW_COLUMNS): Statement {
  const { sql, from } = selectionParts(sel, sort);
  return sql.statement(`SELECT ${columns} FROM ${from} ORDER BY ${orderBy(sel.filter, sort)}`);
}

/**
 * The row numbers (idx) of one page of the selection, in order, picked on the sort columns alone:
 * sorting the selected rows with their text columns along costs several times more at WildChat scale.
 */
export function pageSql(sel: Selection, listing: Listing): Statement {
  const { sql, from } = selectionParts(sel, listing.sort);
  return sql.statement(`SELECT c.idx FROM ${from}
    ORDER BY ${orderBy(sel.filter, listing.sort)} LIMIT ${listing.limit} OFFSET ${listing.offset}`);
}

/**
 * The rows of these row numbers (in no order), fetched through the index on idx
 * (ingest/number-index.ts): a join or a test of rowid would scan and decompress whole columns.
 */
export const rowsSql = (idxs: readonly number[]) =>
  `SELECT ${ROW_COLUMNS}, c.idx AS conv_idx FROM conversations c WHERE c.idx IN (${idxs.map((i) => Number(i)).join(', ')})`;

/**
 * The first message of each conversation (row numbers from the index) that holds a search word, cut
 * around it. Only the messages the postings place the words in are read, when the selection knows.
 */
function snippetsOf(text: TextStore, sel: Selection, convs: number[]): Map<number, string> {
  const filter = sel.filter;
  const find = snippetFinderOf(planOf(filter).highlight);
  const out = new Map<number, string>();
  for (const conv of convs) {
    text.some(
      conv,
      (m) => {
        const snippet = find(m.text);
        if (snippet) out.set(conv, snippet);
        return snippet !== null;
      },
      { role: filter.role, positions: sel.positionsOf(conv) },
    );
  }
  return out;
}

export interface ConversationList {
  total: number;
  rows: ConversationRow[];
}

export function listConversations(filter: Filter, listing: Listing): Promise<ConversationList> {
  return withSelection(filter, (c, sel) => listWith(c, sel, listing));
}

async function pageInSql(c: Connection, sel: Selection, listing: Listing): Promise<number[]> {
  const s = pageSql(sel, listing);
  return (await c.all<{ idx: number }>(s.text, s.params)).map((r) => Number(r.idx));
}

/** How many of the whole index's newest rows are kept: the pages every visitor opens first. */
const FIRST_ROWS = 200;

/** One page of the selection. With a search, each row carries a snippet of its first matching message. */
export async function pageRows(c: Connection, sel: Selection, listing: Listing): Promise<ConversationRow[]> {
  const { offset, limit, sort } = listing;
  const firstOfAll = !sel.filter.q && isUnfiltered(sel.filter) && (sort === 'newest' || sort === 'relevance');
  if (firstOfAll && offset + limit <= FIRST_ROWS) {
    const first = await cachedPerIndex(c, 'listing|first-rows', () => readPage(c, sel, { ...listing, offset: 0, limit: FIRST_ROWS }));
    return first.slice(offset, offset + limit);
  }
  return readPage(c, sel, listing);
}

async function readPage(c: Connection, sel: Selection, listing: Listing): Promise<ConversationRow[]> {
  const order = (await newestPage(c, sel, listing)) ?? (await pageInSql(c, sel, listing));
  if (!order.length) return [];
  const reading = c.all<ConversationRow & { conv_idx: number }>(rowsSql(order));
  // The snippets are cut (synchronous reads of the text store) while DuckDB reads the rows.
  let snippets: Map<number, string> | undefined;
  try {
    snippets = sel.filter.q ? snippetsOf(textOf(c), sel, order) : undefined;
  } catch (e) {
    await reading.catch(() => undefined);
    throw e;
  }
  const byIdx = new Map((await reading).map((r) => [Number(r.conv_idx), r]));
  return order.map((idx) => {
    const { conv_idx, ...row } = byIdx.get(idx)!;
    return snippets ? { ...row, snippet: snippets.get(Number(conv_idx)) ?? null } : row;
  });
}

/** One page of the selection and its total. */
export async function listWith(c: Connection, sel: Selection, listing: Listing): Promise<ConversationList> {
  const rows = await pageRows(c, sel, listing);
  return { total: await sel.count(c), rows };
}
