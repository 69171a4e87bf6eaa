import 'server-only';
// The two sides of a contrast: each filter's conversations written once into a table of the
// server's in-memory database (its search's matches computed as for any view), with the side's
// size in the log-odds model; the whole dataset is a side without a table.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { withSelection } from '../queries/selection';
import { scopeOf, session, type Scope } from '../server/index-db';

export interface Side {
  /** `memory.<name>` (conv), or undefined for the whole dataset. */
  table?: string;
  conversations: number;
  /** The side's terms summed over its conversations (lens_docs.n). */
  size: number;
}

/** Whether a filter selects every conversation. */
export function isEverything(f: Filter): boolean {
  return (
    !f.q &&
    Object.values(f.values).every((v) => !v?.length) &&
    Object.values(f.not).every((v) => !v?.length) &&
    f.toxic === undefined &&
    f.redacted === undefined &&
    f.turnsMin === undefined &&
    f.turnsMax === undefined &&
    !f.from &&
    !f.to &&
    !f.flagged.length &&
    !Object.keys(f.min).length
  );
}

let counter = 0;
const totals = new WeakMap<Scope, { conversations: number; size: number }>();

async function totalsOf(c: Connection): Promise<{ conversations: number; size: number }> {
  const scope = scopeOf(c);
  let t = totals.get(scope);
  if (!t) {
    const r = (await c.one<{ c: number; n: number }>(
      'SELECT (SELECT count(*) FROM conversations)::BIGINT AS c, (SELECT coalesce(sum(n), 0) FROM lens_docs)::BIGINT AS n',
    ))!;
    t = { conversations: Number(r.c), size: Number(r.n) };
    totals.set(scope, t);
  }
  return t;
}

class Swapped extends Error {}

async function materialize(f: Filter, tables: string[]): Promise<Side & { scope: Scope }> {
  return withSelection(f, async (c, sel) => {
    const table = `memory.lens_side_${++counter}`;
    tables.push(table);
    const sql = new Sql();
    await c.run(`CREATE TABLE ${table} AS SELECT c.idx AS conv FROM conversations c WHERE ${sel.where(sql)} ORDER BY conv`, sql.params);
    const r = (await c.one<{ c: number; n: number }>(
      `SELECT count(*)::BIGINT AS c, coalesce(sum(d.n), 0)::BIGINT AS n FROM ${table} t LEFT JOIN lens_docs d USING (conv)`,
    ))!;
    return { table, conversations: Number(r.c), size: Number(r.n), scope: scopeOf(c) };
  });
}

/**
 * Runs `fn` with both sides (b undefined: the whole dataset) on one pooled connection, `all` the
 * dataset's size; the sides' tables are dropped after. Retried when the index is swapped meanwhile.
 */
export async function withSides<T>(
  a: Filter,
  b: Filter | undefined,
  fn: (c: Connection, a: Side, b: Side, all: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const tables: string[] = [];
    try {
      const everything = async (f: Filter | undefined) => (!f || isEverything(f) ? undefined : materialize(f, tables));
      const [ma, mb] = [await everything(a), await everything(b)];
      return await session(async (c, scope) => {
        if ((ma && ma.scope !== scope) || (mb && mb.scope !== scope)) throw new Swapped();
        const t = await totalsOf(c);
        const whole: Side = { conversations: t.conversations, size: t.size };
        const side = (m: typeof ma): Side => (m ? { table: m.table, conversations: m.conversations, size: m.size } : whole);
        return fn(c, side(ma), side(mb), t.size);
      });
    } catch (e) {
      if (!(e instanceof Swapped) || attempt >= 2) throw e;
    } finally {
      if (tables.length) {
        await session(async (c) => {
          for (const t of tables) {
            await c.run(`DROP TABLE IF EXISTS ${t}`);
            await c.run(`DROP TABLE IF EXISTS ${t}_tok`);
          }
        }).catch(() => {
          /* the index was swapped, and its memory with it */
        });
      }
    }
  }
}
