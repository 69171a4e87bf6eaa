import 'server-only';
// The total and facets of a search with few matches, counted from the matches themselves: each
// matching conversation's combination of the cube's columns (facet-cube.ts) and its user are looked
// up in arrays kept per index, instead of passes over every conversation testing a bit for each.
// For a filter of facet values alone besides the search (what the cube answers), and at most
// fewMatches.max matches, whose numbers the search keeps in JavaScript (search/matches.ts).
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { cachedPerIndex } from './cache';
import { MORE_AT, cellTest, countCells, cubeAnswers, cubeCellsSql, cubeLimit, readCube, type Cube, type CubeCounts } from './facet-cube';

/** The cube, and where each conversation's cell and user are kept: `cellOf[idx]`, `userOf[idx]` (-1: none). */
export interface ConversationCells {
  cube: Cube;
  cellOf: Uint32Array;
  userOf: Int32Array;
}

/** The cube and each conversation's cell and user, kept per index; undefined when the cube is not kept. */
export async function conversationCells(c: Connection): Promise<ConversationCells | undefined> {
  const max = cubeLimit.maxCells;
  return cachedPerIndex(c, `facets|cells-of|${max}`, async () => {
    const columns = await c.columns<unknown[]>(cubeCellsSql(max, 'list(idx) AS convs'));
    const cube = await readCube(c, columns, max);
    if (!cube) return undefined;
    const n = Number((await c.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM conversations'))!.n);
    const cellOf = new Uint32Array(n);
    (columns[MORE_AT] as number[][]).forEach((convs, i) => {
      for (const conv of convs) cellOf[conv] = i;
    });
    const [idx, users] = await c.columns<[number, number | null]>('SELECT idx, user_id FROM conversations');
    const userOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < idx.length; i++) if (users[i] !== null) userOf[idx[i]!] = users[i]!;
    return { cube, cellOf, userOf };
  });
}

export interface MatchCounts extends CubeCounts {
  /** The top users by their number (users.uid; null: none), as the users facet cuts them. */
  users: { uid: number | null; count: number }[];
}

/** True when matchCounts can answer for the filter, given its search's matches in `convs`. */
export const matchesAnswer = (filter: Filter, convs: Uint32Array | undefined): convs is Uint32Array =>
  convs !== undefined && cubeAnswers({ ...filter, q: undefined });

/**
 * The total, the cube's facets and the top `top` users of the search's matches `convs` under the
 * rest of `filter` (facet values alone: see matchesAnswer); undefined when the index has too many
 * combinations to keep.
 */
export async function matchCounts(c: Connection, filter: Filter, convs: Uint32Array, top: number): Promise<MatchCounts | undefined> {
  const kept = await conversationCells(c);
  if (!kept) return undefined;
  const { cube, cellOf, userOf } = kept;
  // The matches in each cell, counted as cells of their own for the cube's arithmetic.
  const inCell = new Map<number, number>();
  for (const conv of convs) {
    const cell = cellOf[conv]!;
    inCell.set(cell, (inCell.get(cell) ?? 0) + 1);
  }
  const counts = countCells(filter, cube, { cells: [...inCell.keys()], weights: [...inCell.values()] });
  // Users are counted over the matches passing every test (the users facet has no filter of its own here).
  const test = cellTest(filter, cube);
  const passes = new Map([...inCell.keys()].map((cell) => [cell, test(cell)]));
  const byUser = new Map<number, number>();
  for (const conv of top > 0 ? convs : []) {
    if (!passes.get(cellOf[conv]!)) continue;
    const u = userOf[conv]!;
    byUser.set(u, (byUser.get(u) ?? 0) + 1);
  }
  // As SQL orders them: count descending, then the user's number, no user last.
  const users = [...byUser]
    .sort(([ua, a], [ub, b]) => b - a || (ua === -1 ? 1 : ub === -1 ? -1 : ua - ub))
    .slice(0, top)
    .map(([u, count]) => ({ uid: u === -1 ? null : u, count }));
  return { total: counts.total, facets: counts.facets, users };
}
