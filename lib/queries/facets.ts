import 'server-only';
// Facet counts: each facet counted under every filter but its own. Facets whose field is not
// filtered share one GROUPING SETS pass; each filtered facet gets its own pass without its filter.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { isUnfiltered } from '../filters/where';
import { cachedPerIndex } from './cache';
import { MANY_VALUED_FACETS } from '../filters/fields';
import { CUBE_FACETS, cubeAnswers, cubeCounts, type Counted } from './facet-cube';
import { withSelection, type Selection } from './selection';

export const FACETS = [...CUBE_FACETS, ...MANY_VALUED_FACETS];
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, { value: string | boolean | null; count: number }[]>;
const TOP = 50;

function isFiltered(f: Filter, field: Facet): boolean {
  if (field === 'toxic' || field === 'redacted') return f[field] !== undefined;
  return !!(f.values[field]?.length || f.not[field]?.length);
}

const byCount = (a: Counted, b: Counted) => b.count - a.count || String(a.value).localeCompare(String(b.value));

async function countOne(c: Connection, sel: Selection, field: Facet): Promise<Counted[]> {
  const sql = new Sql();
  const where = sel.where(sql, { omit: field });
  // Users are grouped by their number (ingest/tables.ts numberUsers), given in the order of their strings.
  if (field === 'hashed_ip') {
    return c.all<Counted>(
      `SELECT u.hashed_ip AS value, g.count FROM (
        SELECT c.user_id AS uid, count(*)::INTEGER AS count FROM conversations c WHERE ${where}
        GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT ${TOP}) g
      LEFT JOIN users u ON u.uid = g.uid ORDER BY g.count DESC, g.uid NULLS LAST`,
      sql.params,
    );
  }
  return c.all<Counted>(
    `SELECT c.${field} AS value, count(*)::INTEGER AS count FROM conversations c
    WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT ${TOP}`,
    sql.params,
  );
}

export function countFacets(filter: Filter): Promise<FacetCounts> {
  return withSelection(filter, (c, sel) => countWith(c, sel));
}

/** The facets of a selection; unfiltered, cached per index. */
export function countWith(c: Connection, sel: Selection): Promise<FacetCounts> {
  return isUnfiltered(sel.filter) ? cachedPerIndex(c, 'explore|facets', () => compute(c, sel)) : compute(c, sel);
}

async function compute(c: Connection, sel: Selection): Promise<FacetCounts> {
  const filter = sel.filter;
  const cube = cubeAnswers(filter) ? await cubeCounts(c, filter) : undefined;
  if (cube) {
    const users = await countOne(c, sel, 'hashed_ip');
    return Object.fromEntries(
      FACETS.map((f) => [f, f === 'hashed_ip' ? users : cube.facets[f].sort(byCount).slice(0, TOP)]),
    ) as FacetCounts;
  }
  const out = {} as FacetCounts;
  const shared = FACETS.filter((f) => f !== 'hashed_ip' && !isFiltered(filter, f));
  const own = FACETS.filter((f) => !shared.includes(f));
  for (const f of own) out[f] = await countOne(c, sel, f);
  if (shared.length) {
    const sql = new Sql();
    const where = sel.where(sql);
    const rows = await c.all<{ facet: string; value: string | boolean | null; count: number }>(
      `SELECT CASE ${shared.map((f) => `WHEN grouping(c.${f}) = 0 THEN '${f}'`).join(' ')} END AS facet,
         COALESCE(${shared.map((f) => `CAST(c.${f} AS VARCHAR)`).join(', ')}) AS value, count(*)::INTEGER AS count
       FROM conversations c WHERE ${where}
       GROUP BY GROUPING SETS (${shared.map((f) => `(c.${f})`).join(', ')})`,
      sql.params,
    );
    for (const f of shared) {
      out[f] = rows
        .filter((r) => r.facet === f)
        .map((r) => ({
          value: f === 'toxic' || f === 'redacted' ? (r.value === null ? null : r.value === 'true') : r.value,
          count: r.count,
        }))
        .sort(byCount)
        .slice(0, TOP);
    }
  }
  return Object.fromEntries(FACETS.map((f) => [f, out[f]])) as FacetCounts;
}
