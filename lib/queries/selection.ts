import 'server-only';
// A search's matches computed once per request: kept in a temporary table on one pooled
// connection, so rows, totals and every facet of a view reuse them instead of searching again.
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { confirmSql, inMatches, matchesSql, Sql } from '../filters/where';
import { parseQuery, type Check } from '../search/query';
import { session, type SessionOptions } from '../server/index-db';
import { messagesOfSql } from './by-row';

let counter = 0;

/**
 * Up to this many candidates, a phrase is confirmed on each candidate's messages read by row;
 * past it, by one scan of the messages whose conversation bit is set (see setBits).
 */
const POINT_CONFIRM_MAX = 200;

/**
 * Past this share of all conversations, candidates hold frequent words: most of their messages
 * pass the LIKE prefilter, and the regular expression, which stops at the first match, is cheaper
 * alone (`"the of"` at 20k conversations: 121 ms against 303 ms). Below it, the prefilter spares
 * the expression long messages without the phrase (5,316 candidates at 838k: 8.8 s down to 3 s).
 */
const PREFILTER_MAX_SHARE = 0.1;

/** Deletes the candidates in `name` whose messages do not satisfy every check; `rows`: conversations in the index. */
async function confirm(c: Connection, filter: Filter, checks: Check[], name: string, rows: number): Promise<void> {
  const few = await c.all<{ conv: number }>(`SELECT conv FROM ${name} LIMIT ${POINT_CONFIRM_MAX + 1}`);
  if (few.length === 0) return;
  let source = `(${messagesOfSql(few.map((r) => Number(r.conv)), 'conv, role, content')})`;
  let prefilter = true;
  if (few.length > POINT_CONFIRM_MAX) {
    source = `(SELECT conv, role, content FROM messages WHERE ${inMatches(name, 'conv')})`;
    const candidates = Number((await c.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${name}`))!.n);
    prefilter = candidates <= PREFILTER_MAX_SHARE * rows;
  }
  for (const check of checks) {
    const sql = new Sql();
    const used = prefilter ? check : { ...check, like: undefined };
    await c.run(`DELETE FROM ${name} WHERE conv NOT IN (${confirmSql(filter, used, source, sql)})`, sql.params);
  }
}

/**
 * The matches as bits over the index's `rows` row numbers, for where.ts's inMatches. A variable,
 * unlike a scalar subquery, is a constant to the planner (a subquery made it a nested-loop join:
 * seconds). bitstring_agg needs constant bounds.
 */
async function setBits(c: Connection, name: string, rows: number): Promise<void> {
  await c.run(`SET VARIABLE ${name}_bits = (SELECT ${rows === 0 ? 'NULL::BIT' : `bitstring_agg(conv, 0::UINTEGER, ${rows - 1}::UINTEGER)`} FROM ${name})`);
}

export function withMatches<T>(filter: Filter, fn: (c: Connection, hits?: string) => Promise<T>, options?: Pick<SessionOptions, 'deadlineMs'>): Promise<T> {
  const checks = filter.q ? parseQuery(filter.q).checks : [];
  return session(async (c) => {
    if (!filter.q) return fn(c);
    const name = `matches_${++counter}`;
    const sql = new Sql();
    await c.run(`CREATE TEMP TABLE ${name} AS ${matchesSql(filter, sql, { confirm: false })}`, sql.params);
    let bits = false;
    try {
      // Row numbers run from 0 to the count less one (idx is the insertion order; build.test checks rowid = idx).
      const rows = Number((await c.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM conversations'))!.n);
      await setBits(c, name, rows);
      bits = true;
      if (checks.length) {
        await confirm(c, filter, checks, name, rows);
        await setBits(c, name, rows);
      }
      return await fn(c, name);
    } finally {
      await c.run(`DROP TABLE IF EXISTS ${name}`);
      if (bits) await c.run(`RESET VARIABLE ${name}_bits`);
    }
  }, { ...options, heavy: checks.length > 0 });
}
