import 'server-only';
// A search's matches, computed once into a table of the server's in-memory database that every
// pooled connection reads: rows, totals, facets and charts of a view, requested together or while
// paging, reuse them instead of searching again.
import { matchCacheSeconds } from '../config';
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { bitsVariable, confirmSql, holdingInOneMessageSql, inMatches, localName, matchesSql, Sql } from '../filters/where';
import { parseQuery, type Check, type SearchPlan } from '../search/query';
import { currentScope, session, type Scope, type SessionOptions } from '../server/index-db';
import { messagesOfSql } from './by-row';
import { MatchCache, type Entry } from './match-cache';

/**
 * How phrases are confirmed. Up to `pointMax` candidates, on each candidate's messages read by
 * row; past it, by one scan of the candidates' messages, `sliceCandidates` at a time: each slice's
 * text is held in memory while its check runs (a phrase of common words can have half of all
 * conversations as candidates, 2.3 GB of text at 838k). Fewer go in one query: each costs ~80 ms
 * more. Tests lower `pointMax` to take the scan on a small fixture.
 */
export const confirmLimits = { pointMax: 200, sliceCandidates: 50_000 };

/** Ranges [from, to) covering row numbers lo to hi in as many equal slices as `n` candidates need at `per` a slice. */
export function slices(lo: number, hi: number, n: number, per: number): [number, number][] {
  const step = Math.ceil((hi + 1 - lo) / Math.max(1, Math.ceil(n / per)));
  const out: [number, number][] = [];
  for (let from = lo; from <= hi; from += step) out.push([from, Math.min(from + step, hi + 1)]);
  return out;
}

/**
 * Deletes from `name` the matches whose messages (of `role`, or any) do not satisfy `check`, or,
 * with `exclude`, those whose messages (of any role) do. The bits variable of `name` must hold its
 * rows; it is not updated here. Only the matches with a message that can hold all of the check's
 * words (by the postings' positions) are read.
 * Confirmed first, then deleted: inside DELETE's subquery the candidates' test lost its place
 * ahead of the text scan (2.3 s against 0.8 s for 759 candidates).
 */
async function confirm(c: Connection, role: Filter['role'], check: Check, name: string, rows: number, exclude = false): Promise<void> {
  const where = localName(name, 'positions');
  await c.run(`CREATE TEMP TABLE ${where} AS ${holdingInOneMessageSql(check.terms, inMatches(name, 'conv'))}`);
  const confirmed = localName(name, 'confirmed');
  await c.run(`CREATE TEMP TABLE ${confirmed} (conv UINTEGER)`);
  try {
    const few = await c.all<{ conv: number }>(`SELECT conv FROM ${where} LIMIT ${confirmLimits.pointMax + 1}`);
    const sources: string[] = [];
    // Each candidate's messages, all of them: reading only those at its positions (pos % 8 IN ...)
    // measured up to 2.5 times slower at 838k (200 candidates of "napurire other liketiar": 3.4-3.9 s against 1.3-1.6 s).
    if (few.length > 0 && few.length <= confirmLimits.pointMax) {
      sources.push(`(${messagesOfSql(few.map((r) => Number(r.conv)), 'conv, role, content')})`);
    } else if (few.length > confirmLimits.pointMax) {
      // The conversation's bit alone: testing the message's position as well (conv and pos in one
      // expression) read the candidates of "bisidute tuto" at 838k 3 times slower (656 against 196 ms).
      await setBits(c, where, rows);
      const span = (await c.one<{ lo: number; hi: number; n: number }>(`SELECT min(conv) AS lo, max(conv) AS hi, count(*)::BIGINT AS n FROM ${where}`))!;
      for (const [from, to] of slices(Number(span.lo), Number(span.hi), Number(span.n), confirmLimits.sliceCandidates)) {
        sources.push(`(SELECT conv, role, content FROM messages WHERE conv >= ${from} AND conv < ${to} AND ${inMatches(where, 'conv')})`);
      }
    }
    for (const source of sources) {
      const sql = new Sql();
      await c.run(`INSERT INTO ${confirmed} ${confirmSql(role, check, source, sql)}`, sql.params);
    }
    await c.run(`DELETE FROM ${name} WHERE conv ${exclude ? 'IN' : 'NOT IN'} (SELECT conv FROM ${confirmed})`);
  } finally {
    await c.run(`DROP TABLE ${confirmed}`);
    await c.run(`DROP TABLE ${where}`);
    await c.run(`RESET VARIABLE ${bitsVariable(where)}`);
  }
}

/** Stores the bits of the matches in `name` (see where.ts's inMatches) as the session's variable. */
async function setBits(c: Connection, name: string, rows: number): Promise<void> {
  await c.run(`SET VARIABLE ${bitsVariable(name)} = (SELECT ${rows === 0 ? 'NULL::BIT' : `bitstring_agg(conv, 0::UINTEGER, ${rows - 1}::UINTEGER)`} FROM ${name})`);
}

/**
 * Computes the matches of `filter` into the shared table `name` (conv, score) and their bits into
 * `name`_bits, for any session to load; returns how many matched. A bit string, unlike a scalar
 * subquery, is a constant to the planner (a subquery made it a nested-loop join: seconds), and
 * bitstring_agg needs constant bounds.
 */
async function computeMatches(c: Connection, filter: Filter, plan: SearchPlan, name: string): Promise<number> {
  const sql = new Sql();
  await c.run(`CREATE TABLE ${name} AS ${matchesSql(filter, sql, { confirm: false })}`, sql.params);
  try {
    // Row numbers run from 0 to the count less one (idx is the insertion order; build.test checks rowid = idx).
    const rows = Number((await c.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM conversations'))!.n);
    await setBits(c, name, rows);
    for (const check of plan.checks) {
      await confirm(c, filter.role, check, name, rows);
      await setBits(c, name, rows);
    }
    // An excluded phrase is looked for in any message, whatever the search's role.
    for (const { check } of plan.excluded) {
      if (!check) continue;
      await confirm(c, undefined, check, name, rows, true);
      await setBits(c, name, rows);
    }
    await c.run(`CREATE TABLE ${name}_bits AS SELECT getvariable('${bitsVariable(name)}') AS b`);
    return Number((await c.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${name}`))!.n);
  } finally {
    await c.run(`RESET VARIABLE ${bitsVariable(name)}`);
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
    const drop = (name: string) => {
      void session(async (c, s) => {
        if (s !== scope) return;
        await c.run(`DROP TABLE IF EXISTS ${name}`);
        await c.run(`DROP TABLE IF EXISTS ${name}_bits`);
      }).catch(() => { /* the index was swapped, and its memory with it */ });
    };
    cache = new MatchCache({ ...LIMITS, ttlMs: matchCacheSeconds() * 1000 }, drop);
    caches.set(scope, cache);
  }
  return cache;
}

/**
 * Runs `fn` on a pooled connection where `hits` names the matches of the filter's search (table and
 * bits, see where.ts). The search is computed once per query and scope for every request that
 * wants it meanwhile, and kept a while after (config.ts's matchCacheSeconds).
 */
export async function withMatches<T>(filter: Filter, fn: (c: Connection, hits?: string) => Promise<T>, options?: Pick<SessionOptions, 'deadlineMs'>): Promise<T> {
  if (!filter.q) return session((c) => fn(c), options);
  const plan = parseQuery(filter.q);
  // Phrases read message text, for seconds at WildChat scale: they take one of the heavy slots.
  const heavy = plan.checks.length > 0 || plan.excluded.some((e) => e.check);
  const key = JSON.stringify([filter.q, filter.role ?? null]);
  for (;;) {
    const scope = await currentScope();
    const cache = cacheOf(scope);
    let entry: Entry;
    try {
      entry = await cache.acquire(key, 'memory.matches_', (name) =>
        session(async (c, s) => {
          if (s !== scope) throw new SwappedError();
          return computeMatches(c, filter, plan, name);
        }, { ...options, heavy }));
    } catch (e) {
      if (e instanceof SwappedError) continue;
      throw e;
    }
    try {
      const swapped = Symbol('swapped');
      const out = await session(async (c, s) => {
        if (s !== scope) return swapped;
        const v = bitsVariable(entry.table);
        await c.run(`SET VARIABLE ${v} = (SELECT b FROM ${entry.table}_bits)`);
        try {
          return await fn(c, entry.table);
        } finally {
          await c.run(`RESET VARIABLE ${v}`);
        }
      }, options);
      if (out !== swapped) return out as T;
    } finally {
      cache.release(entry);
    }
  }
}
