import 'server-only';
// Facet counts: each facet counted under every filter but its own. Facets whose field is not
// filtered share one GROUPING SETS pass; each filtered facet gets its own pass without its filter.
import { buildWhere, isUnfiltered, Sql } from '../filters/where';
import { cachedPerIndex } from './cache';
import type { Filter } from '../filters/schema';
import type { Connection } from '../db/duckdb';
import { cubeAnswers, cubeCounts, type Counted } from './facet-cube';
import { withMatches } from './selection';

export const FACETS = ['language', 'country', 'state', 'model', 'toxic', 'redacted', 'hashed_ip'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, { value: string | boolean | null; count: number }[]>;
const TOP = 50;

function isFiltered(f: Filter, field: Facet): boolean {
  if (field === 'toxic' || field === 'redacted') return f[field] !== undefined;
  return !!(f.values[field]?.length || f.not[field]?.length);
}

const byCount = (a: Counted, b: Counted) => b.count - a.count || String(a.value).localeCompare(String(b.value));

async function countOne(c: Connection, filter: Filter, field: Facet, hits?: string): Promise<Counted[]> {
  const sql = new Sql();
  const w = buildWhere(filter, sql, { omit: field, hits });
  // Users are grouped by their number (ingest/tables.ts numberUsers), given in the order of their strings.
  if (field === 'hashed_ip') {
    return c.all<Counted>(`SELECT u.hashed_ip AS value, g.count FROM (
        SELECT c.user_id AS uid, count(*)::INTEGER AS count FROM conversations c WHERE ${w.where}
        GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT ${TOP}) g
      LEFT JOIN users u ON u.uid = g.uid ORDER BY g.count DESC, g.uid NULLS LAST`, sql.params);
  }
  return c.all<Counted>(`SELECT c.${field} AS value, count(*)::INTEGER AS count FROM conversations c
    WHERE ${w.where} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT ${TOP}`, sql.params);
}

export function countFacets(filter: Filter): Promise<FacetCounts> {
  return withMatches(filter, (c, hits) => countWith(c, filter, hits));
}

/** The facets on a connection holding the request's matches (`hits`); unfiltered, cached per index. */
export function countWith(c: Connection, filter: Filter, hits?: string): Promise<FacetCounts> {
  return isUnfiltered(filter) ? cachedPerIndex(c, 'explore|facets', () => compute(c, filter)) : compute(c, filter, hits);
}

async function compute(c: Connection, filter: Filter, hits?: string): Promise<FacetCounts> {
  const cube = cubeAnswers(filter) ? await cubeCounts(c, filter) : undefined;
  if (cube) {
    const users = await countOne(c, filter, 'hashed_ip');
    return Object.fromEntries(FACETS.map((f) => [f, f === 'hashed_ip' ? users : cube.facets[f].sort(byCount).slice(0, TOP)])) as FacetCounts;
  }
  const out = {} as FacetCounts;
  const shared = FACETS.filter((f) => f !== 'hashed_ip' && !isFiltered(filter, f));
  const own = FACETS.filter((f) => !shared.includes(f));
  for (const f of own) out[f] = await countOne(c, filter, f, hits);
  if (shared.length) {
    const sql = new Sql();
    const w = buildWhere(filter, sql, { hits });
    const rows = await c.all<{ facet: string; value: string | boolean | null; count: number }>(
      `SELECT CASE ${shared.map((f) => `WHEN grouping(c.${f}) = 0 THEN '${f}'`).join(' ')} END AS facet,
         COALESCE(${shared.map((f) => `CAST(c.${f} AS VARCHAR)`).join(', ')}) AS value, count(*)::INTEGER AS count
       FROM conversations c WHERE ${w.where}
       GROUP BY GROUPING SETS (${shared.map((f) => `(c.${f})`).join(', ')})`, sql.params);
    for (const f of shared) {
      out[f] = rows.filter((r) => r.facet === f)
        .map((r) => ({ value: f === 'toxic' || f === 'redacted' ? (r.value === null ? null : r.value === 'true') : r.value, count: r.count }))
        .sort(byCount)
        .slice(0, TOP);
    }
  }
  return Object.fromEntries(FACETS.map((f) => [f, out[f]])) as FacetCounts;
}
