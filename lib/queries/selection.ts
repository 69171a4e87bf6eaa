import 'server-only';
// What a query reads: a filter's Selection of conversations, with its search's matches computed
// once into a table of the server's in-memory database that every pooled connection reads. Rows,
// totals, facets and charts of a view, requested together or while paging, reuse the matches
// instead of searching again.
import { matchCacheSeconds } from '../config';
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { buildWhere, isUnfiltered, type OmitField } from '../filters/where';
import { computeMatches, type BestMatches, type Matches } from '../search/matches';
import { dropMatchesSql, inMatches, loadBitsSql, matchTable, resetBitsSql, setBitsSql, type MatchTable } from '../search/matches-sql';
import { planOf } from '../search/query';
import { currentScope, session, textOf, type Scope, type SessionOptions } from '../server/index-db';
import { cachedPerIndex } from './cache';
import { cubeAnswers, cubeCounts } from './facet-cube';
import { matchCounts, matchesAnswer, type KeptMatches } from './match-facets';
import { MatchCache, type Entry } from './match-cache';

export interface SelectionWhere {
  omit?: OmitField; // leave out this facet's own filter (facet counts)
  joined?: boolean; // the caller joins or tests the matches itself (relevance order, messages), so no test here
}

/**
 * A search's matches in one session: their table made (when computeMatches left it unmade) and
 * their bits loaded only when a statement is to read them: a search whose page, total and facets
 * are all counted from its few matches in JavaScript needs neither.
 */
class SessionMatches {
  bitsLoaded = false;
  constructor(
    private readonly c: Connection,
    private make: (() => Promise<void>) | undefined,
    private readonly loadBits: string,
    /** The bits are made from the table (a few matches), not loaded from their own. */
    private readonly bitsFromTable: boolean,
  ) {}

  table(): void {
    if (!this.make) return;
    this.c.defer(this.make);
    this.make = undefined;
  }

  bits(): void {
    if (this.bitsLoaded) return;
    this.bitsLoaded = true;
    if (this.bitsFromTable) this.table();
    this.c.defer(this.loadBits);
  }
}

/**
 * A search's matches kept in JavaScript (search/matches.ts): a few's row numbers in order, and
 * beside them their message positions and scores; or the bits of many, beside them the
 * highest-scoring.
 */
export type KeptInJs = Pick<Matches, 'convs' | 'masks' | 'scores' | 'bits' | 'best'>;

/**
 * The conversations a filter selects; with a search, `matches` names its computed matches
 * (withSelection), and `kept` holds them in JavaScript: their row numbers when they are few, else
 * their bits (search/matches.ts).
 */
export class Selection {
  readonly convs?: Uint32Array;
  readonly kept?: KeptMatches;
  /**
   * Matches with their relevance scores: all of a few (`complete`), or the highest-scoring of many,
   * every match ranking after them when not among them.
   */
  readonly scored?: BestMatches;

  constructor(
    readonly filter: Filter,
    readonly matches?: MatchTable,
    private readonly inJs?: KeptInJs,
    private readonly state?: SessionMatches,
  ) {
    this.convs = inJs?.convs;
    this.kept = inJs?.convs ?? inJs?.bits;
    this.scored = inJs?.convs && inJs.scores ? { convs: inJs.convs, scores: inJs.scores, complete: true } : inJs?.best;
  }

  /** The positions (search/positions.ts) of the messages of match `conv` that may hold the search's words, when known. */
  positionsOf(conv: number): number | undefined {
    const masks = this.inJs?.masks;
    if (!this.convs || !masks) return undefined;
    let lo = 0;
    let hi = this.convs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.convs[mid]!;
      if (at === conv) return masks[mid];
      if (at < conv) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The same search's matches under another filter (the same session's bits). */
  withFilter(filter: Filter): Selection {
    return new Selection(filter, this.matches, this.inJs, this.state);
  }

  private table(): MatchTable {
    // Phrases are confirmed on the text outside SQL: a search's matches exist only as withSelection's table.
    if (!this.matches) throw new Error('a search needs its matches (queries/selection.ts withSelection)');
    return this.matches;
  }

  /** Boolean SQL over conversations `c`, its values bound in `sql`. */
  where(sql: Sql, { omit, joined = false }: SelectionWhere = {}): string {
    return buildWhere(this.filter, sql, { omit, search: this.filter.q && !joined ? this.inMatches('c.idx') : undefined });
  }

  /** SQL true when row number `col` is among the search's matches (the session's bits are loaded before the next statement). */
  inMatches(col: string): string {
    const table = this.table();
    this.state?.bits();
    return inMatches(table, col);
  }

  /** A JOIN of the matches (conv, score) as `alias` to conversations `c`, for the relevance order. */
  joinMatches(alias: string): string {
    const table = this.table();
    this.state?.table();
    return `JOIN ${table} ${alias} ON ${alias}.conv = c.idx`;
  }

  /** How many conversations are selected: from the facet cube or a few matches when they answer, else one count. */
  async count(c: Connection): Promise<number> {
    if (!this.filter.q && isUnfiltered(this.filter)) return conversationCount(c);
    const cube = cubeAnswers(this.filter) ? await cubeCounts(c, this.filter) : undefined;
    if (cube) return cube.total;
    const few = matchesAnswer(this.filter, this.kept) ? await matchCounts(c, this.filter, this.kept, 0) : undefined;
    if (few) return few.total;
    const sql = new Sql();
    const where = this.where(sql);
    return Number((await c.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM conversations c WHERE ${where}`, sql.params))!.n);
  }
}

/** How many conversations the index holds: the bits' bounds (row numbers run from 0 to it less one). */
const conversationCount = (c: Connection): Promise<number> =>
  cachedPerIndex(c, 'conversations|count', async () =>
    Number((await c.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM conversations'))!.n),
  );

/** Tables of matches left unmade by computeMatches, made (or being made) once for every session that needs one. */
const made = new WeakMap<Entry, Promise<void>>();
/** Entries whose table was made, or begun: theirs are dropped with them. */
const tried = new WeakSet<Entry>();

async function tableOf(c: Connection, entry: Entry): Promise<void> {
  for (;;) {
    let making = made.get(entry);
    const mine = !making;
    if (!making) {
      if (!entry.make) throw new Error('a table of matches left unmade needs its maker (search/matches.ts)');
      tried.add(entry);
      making = entry.make(c);
      made.set(entry, making);
      making.catch(() => made.delete(entry));
    }
    try {
      return await making;
    } catch (e) {
      // Made on another session, which failed (its deadline): made again on this one.
      if (mine) throw e;
    }
  }
}

/** The index was swapped between choosing a cache and getting a connection: try again on the new one. */
class SwappedError extends Error {}

const caches = new WeakMap<Scope, MatchCache>();

/** Matches held at most: 64 searches, 20 million matching conversations in all (12 bytes each). */
const LIMITS = { maxEntries: 64, maxRows: 20_000_000 };

function cacheOf(scope: Scope): MatchCache {
  let cache = caches.get(scope);
  if (!cache) {
    const drop = (name: string, finished?: Entry) => {
      // A few matches' table left unmade and never needed has nothing to drop (many have their bits'): no session is taken for it.
      if (finished?.make && finished.convs && !tried.has(finished)) return;
      void session(async (c, s) => {
        if (s !== scope) return;
        for (const statement of dropMatchesSql(matchTable(name))) await c.run(statement);
      }).catch(() => {
        /* the index was swapped, and its memory with it */
      });
    };
    cache = new MatchCache({ ...LIMITS, ttlMs: matchCacheSeconds() * 1000 }, drop);
    caches.set(scope, cache);
  }
  return cache;
}

/**
 * Runs `fn` on a pooled connection with the filter's Selection, whose search's matches (table and
 * bits) the session holds. The search is computed once per query and scope for every request that
 * wants it meanwhile, and kept a while after (config.ts's matchCacheSeconds).
 */
export async function withSelection<T>(
  filter: Filter,
  fn: (c: Connection, sel: Selection) => Promise<T>,
  options?: Pick<SessionOptions, 'deadlineMs'>,
): Promise<T> {
  if (!filter.q) return session((c) => fn(c, new Selection(filter)), options);
  const plan = planOf(filter);
  // Phrases read message text, for seconds at WildChat scale: they take one of the heavy slots.
  const heavy = plan.checks.length > 0 || plan.excluded.some((e) => e.check);
  const key = JSON.stringify([filter.q, filter.role ?? null]);
  for (;;) {
    const scope = await currentScope();
    const cache = cacheOf(scope);
    let entry: Entry;
    try {
      entry = await cache.acquire(key, 'memory.matches_', (name) =>
        session(
          async (c, s) => {
            if (s !== scope) throw new SwappedError();
            return computeMatches(c, textOf(c), plan, filter.role, matchTable(name), await conversationCount(c));
          },
          { ...options, heavy },
        ),
      );
    } catch (e) {
      if (e instanceof SwappedError) continue;
      throw e;
    }
    try {
      const swapped = Symbol('swapped');
      const out = await session(async (c, s) => {
        if (s !== scope) return swapped;
        const table = matchTable(entry.table);
        // A few matches' bits are made from their table (search/matches.ts keeps no bits of them), more loaded.
        const load = entry.convs ? setBitsSql(table, await conversationCount(c)) : loadBitsSql(table);
        const state = new SessionMatches(c, entry.make ? () => tableOf(c, entry) : undefined, load, entry.convs !== undefined);
        try {
          return await fn(c, new Selection(filter, table, entry, state));
        } finally {
          if (state.bitsLoaded) await c.run(resetBitsSql(table));
        }
      }, options);
      if (out !== swapped) return out as T;
    } finally {
      cache.release(entry);
    }
  }
}
