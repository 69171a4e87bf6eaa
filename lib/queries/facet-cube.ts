import 'server-only';
// Facet counts of a selection made of facet values alone (language, country, state, model, topic,
// toxic, redacted, as values or exclusions): read from the count of every combination of those
// columns, counted once per index build, instead of one scan of the conversations per filtered
// facet. Real data has far fewer combinations than conversations; past cubeLimit the scans return.
// The cube is kept by column (each cell's value as a number per column), so that a request's
// counting is a loop over typed arrays: a column more is a line in CUBE_FACETS.
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { BOOL_FIELDS, DERIVED_FACETS, FEW_VALUED_FACETS } from '../filters/fields';
import { filteredFields, onlyFacetValues } from '../filters/where';
import { cachedPerIndex } from './cache';

export const CUBE_FACETS = [...FEW_VALUED_FACETS, ...DERIVED_FACETS, ...BOOL_FIELDS];
export type CubeFacet = (typeof CUBE_FACETS)[number];
export type Value = string | boolean | null;
export type Counted = { value: Value; count: number };

/** Every combination (cell) of the cube's columns: per column its values and each cell's value's number. */
export interface Cube {
  values: Value[][];
  codes: Uint32Array[];
  /** Conversations per cell, and of them those flagged by moderation. */
  n: Uint32Array;
  flagged: Uint32Array;
  /** Each subtopic's broad topic, as the topic filter tests it (filters/where.ts topicIn). */
  broadOf: Map<string, string>;
}

/**
 * Past this many combinations the cube is not kept, and facets are counted by scans. Tests lower
 * it to reach the scans with a small fixture.
 */
export const cubeLimit = { maxCells: 1_000_000 };

/** True when every condition of the filter is on a cube column. */
export function cubeAnswers(f: Filter): boolean {
  return onlyFacetValues(f) && filteredFields(f).every((k) => (CUBE_FACETS as readonly string[]).includes(k));
}

/** The filter's test of one column's value, as buildWhere's SQL decides it (NULL fails an IN and passes a NOT IN). */
function testOf(f: Filter, field: CubeFacet, broadOf: Map<string, string>): ((v: Value) => boolean) | undefined {
  if (field === 'toxic' || field === 'redacted') {
    const want = f[field];
    return want === undefined ? undefined : (v) => v === want;
  }
  const yes = f.values[field]?.length ? new Set(f.values[field]) : undefined;
  const no = f.not[field]?.length ? new Set(f.not[field]) : undefined;
  if (!yes && !no) return undefined;
  // A topic id names a subtopic, or a broad topic and so each of its subtopics.
  const has =
    field === 'topic'
      ? (set: Set<string>, v: string) => set.has(v) || set.has(broadOf.get(v) ?? v)
      : (set: Set<string>, v: string) => set.has(v);
  return (v) => (yes ? v !== null && has(yes, v as string) : true) && (no ? v === null || !has(no, v as string) : true);
}

/** Per column, which of its values pass the filter's test (1) or fail it (0); undefined: no test. */
export const passTables = (filter: Filter, cube: Cube) =>
  CUBE_FACETS.map((f, k) => {
    const test = testOf(filter, f, cube.broadOf);
    return test && Uint8Array.from(cube.values[k]!, (v) => (test(v) ? 1 : 0));
  });

export interface CubeCounts {
  total: number;
  facets: Record<CubeFacet, Counted[]>;
}

/**
 * The cells (combinations of the cube's columns) of the conversations, how many hold each and how
 * many of those are flagged; `more`: further aggregates, after them.
 */
export const cubeCellsSql = (max: number, more = '') =>
  `SELECT ${CUBE_FACETS.map((f) => (f === 'toxic' || f === 'redacted' ? f : `CAST(${f} AS VARCHAR) AS ${f}`)).join(', ')},
    count(*)::INTEGER AS n, count(*) FILTER (WHERE flagged)::INTEGER AS flagged${more ? `, ${more}` : ''}
    FROM conversations GROUP BY ALL LIMIT ${max + 1}`;
/** Where cubeCellsSql's `more` columns start. */
export const MORE_AT = CUBE_FACETS.length + 2;

/** The cube from cubeCellsSql's columns; undefined past `max` cells. */
export async function readCube(c: Connection, columns: unknown[][], max: number): Promise<Cube | undefined> {
  const n = columns[CUBE_FACETS.length] as number[];
  if (n.length > max) return undefined;
  const values: Value[][] = [];
  const codes = CUBE_FACETS.map((_, k) => {
    const code = new Map<Value, number>();
    const of = (values[k] = [] as Value[]);
    return Uint32Array.from(columns[k] as Value[], (v) => {
      let i = code.get(v);
      if (i === undefined) code.set(v, (i = of.push(v) - 1));
      return i;
    });
  });
  const [topics, broads] = await c.columns<[string, string]>(
    'SELECT DISTINCT topic::VARCHAR, broad_topic::VARCHAR FROM conversations WHERE topic IS NOT NULL',
  );
  const flagged = Uint32Array.from(columns[CUBE_FACETS.length + 1] as number[]);
  return { values, codes, n: Uint32Array.from(n), flagged, broadOf: new Map(topics.map((t, i) => [t, broads[i]!])) };
}

/**
 * A test of a cell (by its number) against every condition of the filter (which cubeAnswers),
 * each cell tested once: callers ask it of every matching conversation's cell.
 */
export function cellTest(filter: Filter, cube: Cube): (cell: number) => boolean {
  const pass = passTables(filter, cube);
  // -1 not yet tested, 0 fails, 1 passes.
  const known = new Int8Array(cube.n.length).fill(-1);
  return (cell) => {
    if (known[cell] === -1) known[cell] = pass.every((p, k) => !p || p[cube.codes[k]![cell]!] === 1) ? 1 : 0;
    return known[cell] === 1;
  };
}

/**
 * The total of the cells under the filter, and each cube facet counted under every condition but
 * its own (unsorted). `only`: these cells alone, holding `weights[i]` conversations each, instead
 * of every cell with its count.
 */
export function countCells(filter: Filter, cube: Cube, only?: { cells: ArrayLike<number>; weights: ArrayLike<number> }): CubeCounts {
  const pass = passTables(filter, cube);
  const tested = pass.flatMap((p, k) => (p ? [k] : []));
  const { codes } = cube;
  const sums = cube.values.map((v) => new Float64Array(v.length));
  const cells = only?.cells.length ?? cube.n.length;
  let total = 0;
  for (let j = 0; j < cells; j++) {
    const cell = only ? only.cells[j]! : j;
    const w = only ? only.weights[j]! : cube.n[cell]!;
    // A cell counts for every facet when it passes all tests, and for one facet when only that one's own test fails.
    let failed = -1;
    let fails = 0;
    for (const k of tested) {
      if (pass[k]![codes[k]![cell]!] === 0) {
        failed = k;
        if (++fails > 1) break;
      }
    }
    if (fails > 1) continue;
    if (fails === 0) total += w;
    for (let k = fails ? failed : 0; k < (fails ? failed + 1 : sums.length); k++) {
      const sum = sums[k]!;
      const i = codes[k]![cell]!;
      sum[i] = sum[i]! + w;
    }
  }
  const facets = Object.fromEntries(
    CUBE_FACETS.map((f, k) => [f, cube.values[k]!.flatMap((value, i) => (sums[k]![i]! > 0 ? [{ value, count: sums[k]![i]! }] : []))]),
  );
  return { total, facets: facets as Record<CubeFacet, Counted[]> };
}

/** The cube of the index's conversations, counted once per index; undefined when it has too many cells. */
export function cubeOf(c: Connection): Promise<Cube | undefined> {
  const max = cubeLimit.maxCells;
  return cachedPerIndex(c, `facets|cube|${max}`, async () => readCube(c, await c.columns<unknown[]>(cubeCellsSql(max)), max));
}

/**
 * The selection's total, and each cube facet counted under every filter but its own (unsorted);
 * undefined when the index has too many combinations to keep.
 */
export async function cubeCounts(c: Connection, filter: Filter): Promise<CubeCounts | undefined> {
  const cube = await cubeOf(c);
  return cube && countCells(filter, cube);
}
