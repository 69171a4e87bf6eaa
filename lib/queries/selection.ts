import 'server-only';
// A search's matches, computed once into a table of the server's in-memory database that every
// pooled connection reads: rows, totals, facets and charts of a view, requested together or while
// paging, reuse them instead of searching again.
import { matchCacheSeconds } from '../config';
import { UINTEGER, type Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { bitsVariable, holdingInOneMessageSql, inMatches, localName, matchesSql } from '../filters/where';
import { byteTest } from '../search/bytes';
import { checkMatcher, parseQuery, type Check, type SearchPlan } from '../search/query';
import { currentScope, session, textOf, type Scope, type SessionOptions } from '../server/index-db';
import { MatchCache, type Entry } from './match-cache';

/**
 * Deletes from `name` the matches whose messages (of `role`, or any) do not satisfy `check`, or,
 * with `exclude`, those whose messages (of any role) do. The bits variable of `name` must hold its
 * rows; it is not updated here. Only the matches with a message that can hold all of the check's
 * words (by the postings' positions) are read, each with one read of its text from the store, and
 * a message is decoded only if its bytes pass the check's byte test (search/bytes.ts).
 */
async function confirm(c: Connection, role: Filter['role'], check: Check, name: string, exclude = false): Promise<void> {
  const candidates = await c.all<{ conv: number; msgs: number }>(`${holdingInOneMessageSql(check.terms, inMatches(name, 'conv'))} ORDER BY conv`);
  const test = checkMatcher(check);
  const bytes = byteTest(check);
  const text = textOf(c);
  const confirmed = new Uint32Array(candidates.length);
  let n = 0;
  let since = Date.now();
  for (let i = 0; i < candidates.length; i++) {
    const conv = Number(candidates[i].conv);
    if (text.some(conv, (m) => test(m.text), { role, positions: Number(candidates[i].msgs), bytes })) confirmed[n++] = conv;
    // Other requests are answered between slices of this work, and a deadline stops it.
    if (Date.now() - since > SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      c.throwIfInterrupted();
      since = Date.now();
    }
  }
  const table = localName(name, 'confirmed');
  await c.run(`CREATE TEMP TABLE ${table} (conv UINTEGER)`);
  try {
    await c.appendColumns(table, [UINTEGER], [4], [confirmed], n, 'temp');
    await c.run(`DELETE FROM ${name} WHERE conv ${exclude ? 'IN' : 'NOT IN'} (SELECT conv FROM temp.${table})`);
  } finally {
    await c.run(`DROP TABLE temp.${table}`);
  }
}

/** Milliseconds of confirming text between two yields to the event loop. */
const SLICE_MS = 20;

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
  await c.run(`CREATE TABLE ${name} AS ${matchesSql(filter)}`);
  try {
    // Row numbers run from 0 to the count less one (idx is the insertion order; build.test checks rowid = idx).
    const rows = Number((await c.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM conversations'))!.n);
    await setBits(c, name, rows);
    for (const check of plan.checks) {
      await confirm(c, filter.role, check, name);
      await setBits(c, name, rows);
    }
    // An excluded phrase is looked for in any message, whatever the search's role.
    for (const { check } of plan.excluded) {
      if (!check) continue;
      await confirm(c, undefined, check, name, true);
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
  const plan = filter.search ?? parseQuery(filter.q);
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
