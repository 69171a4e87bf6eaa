import 'server-only';
// The sides of a contrast: each filter's conversations written once into a table of the server's
// in-memory database, in the session that holds its selection (so a search's matches are computed
// once for the side and whatever else that session answers), with the side's size in the
// log-odds model; the whole dataset is a side without a table.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { isUnfiltered } from '../filters/where';
import { withSelection, type Selection } from '../queries/selection';
import { scopeOf, session, type Scope } from '../server/index-db';

export interface Side {
  /** `memory.<name>` (conv), or undefined for the whole dataset. */
  table?: string;
  conversations: number;
  /** The side's terms summed over its conversations (lens_docs.n). */
  size: number;
  /** Its conversations in the ingest's sample (lens_sample). */
  sampled: number;
  scope: Scope;
}

/** What every contrast of an index reads: the whole dataset as a side, and the sample's stride. */
export interface LensTotals {
  conversations: number;
  size: number;
  sampleEvery: number;
  sampled: number;
}

const totals = new WeakMap<Scope, Promise<LensTotals>>();

export function totalsOf(c: Connection): Promise<LensTotals> {
  const scope = scopeOf(c);
  let t = totals.get(scope);
  if (!t) {
    t = c
      .one<{ c: number; n: number; every: number; sampled: number }>(
        `SELECT (SELECT count(*) FROM conversations)::BIGINT AS c, (SELECT coalesce(sum(n), 0) FROM lens_docs)::BIGINT AS n,
           (SELECT sample_every FROM lens_meta) AS every, (SELECT sampled FROM lens_meta) AS sampled`,
      )
      .then((r) => ({ conversations: Number(r!.c), size: Number(r!.n), sampleEvery: r!.every, sampled: r!.sampled }));
    totals.set(scope, t);
    t.catch(() => totals.delete(scope));
  }
  return t;
}

/** The whole dataset as a side. */
export async function everything(c: Connection): Promise<Side> {
  const t = await totalsOf(c);
  return { conversations: t.conversations, size: t.size, sampled: t.sampled, scope: scopeOf(c) };
}

let counter = 0;

/** The selection's conversations as a side, its table named in `tables` (for dropSides). */
export async function materialize(c: Connection, sel: Selection, tables: string[]): Promise<Side> {
  const t = await totalsOf(c);
  const table = `memory.lens_side_${++counter}`;
  tables.push(table);
  const sql = new Sql();
  await c.run(`CREATE TABLE ${table} AS SELECT c.idx AS conv FROM conversations c WHERE ${sel.where(sql)}`, sql.params);
  // A semi join builds on the side, not on lens_docs (a conversation without terms has no row there).
  const r = (await c.one<{ c: number; s: number; n: number }>(
    `SELECT count(*)::BIGINT AS c, count(*) FILTER (WHERE conv % ${t.sampleEvery} = 0)::BIGINT AS s,
       (SELECT coalesce(sum(n), 0) FROM lens_docs WHERE conv IN (SELECT conv FROM ${table}))::BIGINT AS n FROM ${table}`,
  ))!;
  return { table, conversations: Number(r.c), size: Number(r.n), sampled: Number(r.s), scope: scopeOf(c) };
}

/** Drops the sides' tables (and the tables made beside them, `<table>_*`). */
export async function dropSides(tables: string[]): Promise<void> {
  if (!tables.length) return;
  await session(async (c) => {
    for (const t of tables) {
      await c.run(`DROP TABLE IF EXISTS ${t}`);
      await c.run(`DROP TABLE IF EXISTS ${t}_tok`);
    }
  }).catch(() => {
    /* the index was swapped, and its memory with it */
  });
}

/** The index was swapped between a side's session and the one reading it. */
export class Swapped extends Error {}

/** Retries `fn` when the index is swapped meanwhile (twice at most). */
export async function retrySwapped<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof Swapped) || attempt >= 2) throw e;
    }
  }
}

/**
 * Runs `fn` with both sides (b undefined: the whole dataset), `all` the dataset's size: B's table
 * is written in a session of its own, then A's in the session of A's selection, where `fn` runs.
 * The tables are dropped after; retried when the index is swapped meanwhile.
 */
export function withSides<T>(
  a: Filter,
  b: Filter | undefined,
  fn: (c: Connection, a: Side, b: Side, all: number) => Promise<T>,
): Promise<T> {
  return retrySwapped(async () => {
    const tables: string[] = [];
    try {
      const sb = b && !isUnfiltered(b) ? await withSelection(b, (c, sel) => materialize(c, sel, tables)) : undefined;
      return await withSelection(a, async (c, sel) => {
        const sa = isUnfiltered(a) ? await everything(c) : await materialize(c, sel, tables);
        const other = sb ?? (await everything(c));
        if (other.scope !== sa.scope) throw new Swapped();
        return fn(c, sa, other, (await totalsOf(c)).size);
      });
    } finally {
      await dropSides(tables);
    }
  });
}
