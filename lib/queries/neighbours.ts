import 'server-only';
// Where a conversation sits in a result set, and the results before and after it, so the
// conversation page can walk the same results without losing the filters.
import { Sql } from '../db/sql';
import type { Filter, Listing } from '../filters/schema';
import { orderBy, selectionSql } from './listing';
import { withSelection } from './selection';

export interface Neighbours {
  position: number;
  total: number;
  prev: string | null;
  next: string | null;
}

export function neighbours(filter: Filter, sort: Listing['sort'], id: string): Promise<Neighbours | undefined> {
  return withSelection(filter, async (c, sel) => {
    const s = selectionSql(sel, sort, `c.id, row_number() OVER (ORDER BY ${orderBy(filter, sort)}) AS rn`);
    const sql = Sql.continuing(s);
    return c.one<Neighbours>(
      `WITH s AS (${s.text})
      SELECT me.rn::INTEGER AS position, (SELECT count(*) FROM s)::INTEGER AS total,
        (SELECT id FROM s WHERE rn = me.rn - 1) AS prev, (SELECT id FROM s WHERE rn = me.rn + 1) AS next
      FROM s me WHERE me.id = ${sql.p(id)}`,
      sql.params,
    );
  });
}
