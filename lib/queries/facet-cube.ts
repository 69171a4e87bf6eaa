import 'server-only';
// Facet counts of a selection made of facet values alone (language, country, state, model, toxic,
// redacted, as values or exclusions): read from the count of every combination of those six
// columns, counted once per index build, instead of one scan of the conversations per filtered
// facet. Real data has far fewer combinations than conversations; past cubeLimit the scans return.
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { BOOL_FIELDS, FEW_VALUED_FACETS } from '../filters/fields';
import { filteredFields, onlyFacetValues } from '../filters/where';
import { cachedPerIndex } from './cache';

export const CUBE_FACETS = [...FEW_VALUED_FACETS, ...BOOL_FIELDS];
export type CubeFacet = (typeof CUBE_FACETS)[number];
export type Counted = { value: string | boolean | null; count: number };

export type Cell = Record<CubeFacet, string | boolean | null> & { n: number };

/**
 * Past this many combinations the cube is not kept, and facets are counted by scans. Tests lower
 * it to reach the scans with a small fixture.
 */
export const cubeLimit = { maxCells: 250_000 };

/** True when every condition of the filter is on a cube column. */
export function cubeAnswers(f: Filter): boolean {
  return onlyFacetValues(f) && filteredFields(f).every((k) => (CUBE_FACETS as readonly string[]).includes(k));
}

/** The filter's test of one column's value, as buildWhere's SQL decides it (NULL fails an IN and passes a NOT IN). */
function testOf(f: Filter, field: CubeFacet): ((v: string | boolean | null) => boolean) | undefined {
  if (field === 'toxic' || field === 'redacted') {
    const want = f[field];
    return want === undefined ? undefined : (v) => v === want;
  }
  const yes = f.values[field]?.length ? new Set(f.values[field]) : undefined;
  const no = f.not[field]?.length ? new Set(f.not[field]) : undefined;
  if (!yes && !no) return undefined;
  return (v) => (yes ? v !== null && yes.has(v as string) : true) && (no ? v === null || !no.has(v as string) : true);
}

export interface CubeCounts {
  total: number;
  facets: Record<CubeFacet, Counted[]>;
}

/** The cells (combinations of the cube's columns) of the conversations and how many hold each; `more`: further aggregates. */
export const cubeCellsSql = (max: number, more = '') =>
  `SELECT ${CUBE_FACETS.map((f) => (f === 'toxic' || f === 'redacted' ? f : `CAST(${f} AS VARCHAR) AS ${f}`)).join(', ')},
    count(*)::INTEGER AS n${more ? `, ${more}` : ''} FROM conversations GROUP BY ALL LIMIT ${max + 1}`;

/** A test of a cell against every condition of the filter (which cubeAnswers). */
export function cellTest(filter: Filter): (cell: Cell) => boolean {
  const tests = CUBE_FACETS.map((f) => testOf(filter, f));
  return (cell) => tests.every((test, i) => !test || test(cell[CUBE_FACETS[i]!]));
}

/**
 * The total of the cells `cells` under the filter, and each cube facet counted under every
 * condition but its own (unsorted).
 */
export function countCells(filter: Filter, cells: readonly Cell[]): CubeCounts {
  const tests = CUBE_FACETS.map((f) => testOf(filter, f));
  const sums = CUBE_FACETS.map(() => new Map<string | boolean | null, number>());
  let total = 0;
  for (const cell of cells) {
    // A cell counts for every facet when it passes all tests, and for one facet when only that one's own test fails.
    let failed = -1;
    let fails = 0;
    for (let i = 0; i < tests.length && fails < 2; i++) {
      const test = tests[i];
      if (test && !test(cell[CUBE_FACETS[i]!])) {
        failed = i;
        fails++;
      }
    }
    if (fails >= 2) continue;
    if (fails === 0) total += cell.n;
    CUBE_FACETS.forEach((f, i) => {
      if (fails === 1 && i !== failed) return;
      const v = cell[f];
      const sum = sums[i]!;
      sum.set(v, (sum.get(v) ?? 0) + cell.n);
    });
  }
  const facets = Object.fromEntries(CUBE_FACETS.map((f, i) => [f, [...sums[i]!].map(([value, count]) => ({ value, count }))]));
  return { total, facets: facets as Record<CubeFacet, Counted[]> };
}

/**
 * The selection's total, and each cube facet counted under every filter but its own (unsorted);
 * undefined when the index has too many combinations to keep.
 */
export async function cubeCounts(c: Connection, filter: Filter): Promise<CubeCounts | undefined> {
  const max = cubeLimit.maxCells;
  const cells = await cachedPerIndex(c, `facets|cube|${max}`, async () => {
    const rows = await c.all<Cell>(cubeCellsSql(max));
    return rows.length > max ? undefined : rows;
  });
  return cells && countCells(filter, cells);
}
