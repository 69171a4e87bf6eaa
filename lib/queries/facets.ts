import 'server-only';
// Facet counts: each facet counted under every filter but its own. A selection of facet values
// alone reads the facet cube (or a search's few matches, their cells); any other selection counts
// every cube facet in one GROUPING SETS pass, each set counting the rows that pass every filter
// but its facet's own. The top users are counted by a pass of their own.
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { Filter } from '../filters/schema';
import { buildWhere, filtersOn, isUnfiltered, only, without } from '../filters/where';
import { cachedPerIndex } from './cache';
import { BOOL_FIELDS, DERIVED_FACETS, FEW_VALUED_FACETS, MANY_VALUED_FACETS } from '../filters/fields';
import { CUBE_FACETS, cubeAnswers, cubeCounts, type Counted, type CubeFacet } from './facet-cube';
import { matchCounts, matchesAnswer, type MatchCounts } from './match-facets';
import { withSelection, type Selection } from './selection';

export const FACETS = [...FEW_VALUED_FACETS, ...BOOL_FIELDS, ...DERIVED_FACETS, ...MANY_VALUED_FACETS];
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, { value: string | boolean | null; count: number }[]>;
const TOP = 50;

const byCount = (a: Counted, b: Counted) => b.count - a.count || String(a.value).localeCompare(String(b.value));

/** SQL's order of facet values (ORDER BY value): false before true, strings by their UTF-8 bytes, null last. */
function sqlValueOrder(a: Counted['value'], b: Counted['value']): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * How counted values are ordered: as each facet was when a filtered facet, and the topics always,
 * were counted by passes of their own sorted in SQL, and the others sorted here; ties fall the same
 * way whichever path counts them.
 */
const sqlOrder = (a: Counted, b: Counted) => b.count - a.count || sqlValueOrder(a.value, b.value);
const orderOf = (filter: Filter, field: Facet) =>
  filtersOn(filter, field) || (DERIVED_FACETS as readonly Facet[]).includes(field) ? sqlOrder : byCount;

/** The top users of the selection, counted under every filter but their own. */
function countUsers(c: Connection, sel: Selection): Promise<Counted[]> {
  const sql = new Sql();
  const where = sel.where(sql, { omit: 'hashed_ip' });
  // Users are grouped by their number (ingest/tables.ts numberUsers), given in the order of their strings.
  return c.all<Counted>(
    `SELECT u.hashed_ip AS value, g.count FROM (
      SELECT c.user_id AS uid, count(*)::INTEGER AS count FROM conversations c WHERE ${where}
      GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT ${TOP}) g
    LEFT JOIN users u ON u.uid = g.uid ORDER BY g.count DESC, g.uid NULLS LAST`,
    sql.params,
  );
}

/**
 * Every cube facet of the selection in one pass (unsorted): the rows passing the filter's other
 * conditions, each with whether it passes each filtered facet's condition, are grouped by each
 * facet and counted where they pass every condition but that facet's own.
 */
async function countPass(c: Connection, sel: Selection): Promise<Record<CubeFacet, Counted[]>> {
  const filter = sel.filter;
  const filtered = CUBE_FACETS.filter((f) => filtersOn(filter, f));
  const sql = new Sql();
  const rest = sel.withFilter(filtered.reduce(without, filter)).where(sql);
  const passes = filtered.map((f, i) => `COALESCE(${buildWhere(only(filter, f), sql)}, false) AS p${i}`);
  const all = (but = -1) => filtered.flatMap((_, i) => (i === but ? [] : [`p${i}`])).join(' AND ') || 'true';
  const counts = [
    `count(*) FILTER (WHERE ${all()})::INTEGER AS n`,
    ...filtered.map((_, i) => `count(*) FILTER (WHERE ${all(i)})::INTEGER AS n${i}`),
  ];
  // A row failing two conditions counts for no facet.
  const some = filtered.length > 1 ? `WHERE ${filtered.map((_, i) => `p${i}::INTEGER`).join(' + ')} >= ${filtered.length - 1}` : '';
  const rows = await c.all<Record<string, number> & { facet: CubeFacet; value: string | null }>(
    `SELECT CASE ${CUBE_FACETS.map((f) => `WHEN grouping(${f}) = 0 THEN '${f}'`).join(' ')} END AS facet,
       COALESCE(${CUBE_FACETS.map((f) => `CAST(${f} AS VARCHAR)`).join(', ')}) AS value, ${counts.join(', ')}
     FROM (SELECT ${[...CUBE_FACETS.map((f) => `c.${f}`), ...passes].join(', ')} FROM conversations c WHERE ${rest}) s ${some}
     GROUP BY GROUPING SETS (${CUBE_FACETS.map((f) => `(${f})`).join(', ')})`,
    sql.params,
  );
  const out = Object.fromEntries(CUBE_FACETS.map((f) => [f, [] as Counted[]])) as Record<CubeFacet, Counted[]>;
  for (const r of rows) {
    const i = filtered.indexOf(r.facet);
    const count = i < 0 ? r.n! : r[`n${i}`]!;
    const value = r.facet === 'toxic' || r.facet === 'redacted' ? (r.value === null ? null : r.value === 'true') : r.value;
    if (count > 0) out[r.facet].push({ value, count });
  }
  return out;
}

export function countFacets(filter: Filter): Promise<FacetCounts> {
  return withSelection(filter, (c, sel) => countWith(c, sel));
}

/** The facets of a selection; unfiltered, cached per index. */
export function countWith(c: Connection, sel: Selection): Promise<FacetCounts> {
  return isUnfiltered(sel.filter) ? cachedPerIndex(c, 'explore|facets', () => compute(c, sel)) : compute(c, sel);
}

/**
 * Every user's hashed IP by number (users.uid), kept per index: a search's top users are named
 * without a lookup, which waited behind the page's rows on the machine's cores.
 */
const userNames = (c: Connection): Promise<string[]> =>
  cachedPerIndex(c, 'facets|user-names', async () => {
    const [uids, ips] = await c.columns<[number, string]>('SELECT uid, hashed_ip FROM users');
    const names: string[] = new Array<string>(uids.length);
    for (let i = 0; i < uids.length; i++) names[Number(uids[i])] = ips[i]!;
    return names;
  });

/** The top users counted from a search's few matches (match-facets.ts), named by their hashed IPs. */
async function namedUsers(c: Connection, users: MatchCounts['users']): Promise<Counted[]> {
  const names = users.some((u) => u.uid !== null) ? await userNames(c) : [];
  return users.map((u) => ({ value: u.uid === null ? null : (names[Number(u.uid)] ?? null), count: u.count }));
}

async function compute(c: Connection, sel: Selection): Promise<FacetCounts> {
  const filter = sel.filter;
  const cube = cubeAnswers(filter) ? await cubeCounts(c, filter) : undefined;
  const few = !cube && matchesAnswer(filter, sel.kept) ? await matchCounts(c, filter, sel.kept, TOP) : undefined;
  const counts = (cube ?? few)?.facets ?? (await countPass(c, sel));
  const users = few ? await namedUsers(c, few.users) : await countUsers(c, sel);
  return Object.fromEntries(
    FACETS.map((f) => [f, f === 'hashed_ip' ? users : counts[f].sort(orderOf(filter, f)).slice(0, TOP)]),
  ) as FacetCounts;
}
