import 'server-only';
// Facet counts: each facet counted under every filter but its own. Facets whose field is not
// filtered share one GROUPING SETS pass; each filtered facet gets its own pass without its filter.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { filtersOn, isUnfiltered } from '../filters/where';
import { cachedPerIndex } from './cache';
import { DERIVED_FACETS, MANY_VALUED_FACETS } from '../filters/fields';
import { CUBE_FACETS, cubeAnswers, cubeCounts, type Counted, type CubeFacet } from './facet-cube';
import { matchCounts, matchesAnswer, type MatchCounts } from './match-facets';
import { withSelection, type Selection } from './selection';

export const FACETS = [...CUBE_FACETS, ...DERIVED_FACETS, ...MANY_VALUED_FACETS];
/** Facets the cube and the few-match counts do not hold: each counted by its own pass. */
const OWN_PASS: readonly Facet[] = [...DERIVED_FACETS, ...MANY_VALUED_FACETS];
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, { value: string | boolean | null; count: number }[]>;
const TOP = 50;

const byCount = (a: Counted, b: Counted) => b.count - a.count || String(a.value).localeCompare(String(b.value));

/** SQL's order of facet values (countOne's ORDER BY): false before true, strings by their UTF-8 bytes, null last. */
function sqlValueOrder(a: Counted['value'], b: Counted['value']): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * How counted values are ordered, as the passes order them: a filtered facet's own pass sorts in
 * SQL, the shared pass's values are sorted here. Ties fall the same way whichever path counted them.
 */
const sqlOrder = (a: Counted, b: Counted) => b.count - a.count || sqlValueOrder(a.value, b.value);
const orderOf = (filter: Filter, field: Facet) => (filtersOn(filter, field) ? sqlOrder : byCount);

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

/** The top users counted from a search's few matches (match-facets.ts), named by their hashed IPs. */
async function namedUsers(c: Connection, users: MatchCounts['users']): Promise<Counted[]> {
  const uids = users.flatMap((u) => (u.uid === null ? [] : [Number(u.uid)]));
  const names = uids.length
    ? await c.all<{ uid: number; hashed_ip: string }>(`SELECT uid, hashed_ip FROM users WHERE uid IN (${uids.join(', ')})`)
    : [];
  const byUid = new Map(names.map((u) => [Number(u.uid), u.hashed_ip]));
  return users.map((u) => ({ value: u.uid === null ? null : (byUid.get(u.uid) ?? null), count: u.count }));
}

async function compute(c: Connection, sel: Selection): Promise<FacetCounts> {
  const filter = sel.filter;
  const cube = cubeAnswers(filter) ? await cubeCounts(c, filter) : undefined;
  const few = !cube && matchesAnswer(filter, sel.convs) ? await matchCounts(c, filter, sel.convs, TOP) : undefined;
  if (cube || few) {
    const users = few ? await namedUsers(c, few.users) : await countOne(c, sel, 'hashed_ip');
    const counts = (cube ?? few)!;
    const out = {} as FacetCounts;
    for (const f of FACETS) {
      if (f === 'hashed_ip') out[f] = users;
      // A search's few matches know their subtopics: no pass over every conversation for them.
      else if (f === 'topic' && few)
        out[f] = few.topics.sort(sqlOrder).slice(0, TOP); // as countOne orders it
      else if (OWN_PASS.includes(f)) out[f] = await countOne(c, sel, f);
      else out[f] = counts.facets[f as CubeFacet].sort(orderOf(filter, f)).slice(0, TOP);
    }
    return out;
  }
  const out = {} as FacetCounts;
  // Own-pass facets always get their own pass, so that ties fall as the cube's path orders them.
  const shared = FACETS.filter((f) => !OWN_PASS.includes(f) && !filtersOn(filter, f));
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
