import 'server-only';
// The total and facets of a search, counted from its matches kept in JavaScript: each matching
// conversation's combination of the cube's columns (facet-cube.ts) and its user are looked up in
// arrays kept per index, instead of passes over every conversation testing a bit for each.
// For a filter of facet values alone besides the search (what the cube answers); the matches are
// a few row numbers or the bits of many (search/matches.ts).
import type { Connection } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { cachedPerIndex } from './cache';
import type { MatchBits } from '../search/match-bits';
import { MORE_AT, cellTest, countCells, cubeAnswers, cubeCellsSql, cubeLimit, readCube, type Cube, type CubeCounts } from './facet-cube';

/** The cube, and where each conversation's cell and user are kept: `cellOf[idx]`, `userOf[idx]` (-1: none). */
export interface ConversationCells {
  cube: Cube;
  cellOf: Uint32Array;
  userOf: Int32Array;
  /** The highest user number, plus one. */
  users: number;
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
    let most = 0;
    for (let i = 0; i < idx.length; i++) {
      if (users[i] === null) continue;
      userOf[idx[i]!] = users[i]!;
      most = Math.max(most, users[i]! + 1);
    }
    return { cube, cellOf, userOf, users: most };
  });
}

export interface MatchCounts extends CubeCounts {
  /** The top users by their number (users.uid; null: none), as the users facet cuts them. */
  users: { uid: number | null; count: number }[];
}

/** A search's matches kept in JavaScript: a few row numbers in order, or the bits of many. */
export type KeptMatches = Uint32Array | MatchBits;

const eachMatch = (kept: KeptMatches, fn: (conv: number) => void) =>
  kept instanceof Uint32Array ? kept.forEach((conv) => fn(conv)) : kept.forEach(fn);

/** True when matchCounts can answer for the filter, given its search's matches kept in `kept`. */
export const matchesAnswer = (filter: Filter, kept: KeptMatches | undefined): kept is KeptMatches =>
  kept !== undefined && cubeAnswers({ ...filter, q: undefined });

/**
 * The total, the cube's facets and the top `top` users of the search's matches `kept` under the
 * rest of `filter` (facet values alone: see matchesAnswer); undefined when the index has too many
 * combinations to keep.
 */
export async function matchCounts(c: Connection, filter: Filter, kept: KeptMatches, top: number): Promise<MatchCounts | undefined> {
  const cells = await conversationCells(c);
  if (!cells) return undefined;
  const { cube, cellOf } = cells;
  // The matches in each cell, counted as cells of their own for the cube's arithmetic.
  const inCell = new Uint32Array(cube.n.length);
  eachMatch(kept, (conv) => {
    const cell = cellOf[conv]!;
    inCell[cell] = inCell[cell]! + 1;
  });
  const held: number[] = [];
  const weights: number[] = [];
  inCell.forEach((n, cell) => {
    if (n === 0) return;
    held.push(cell);
    weights.push(n);
  });
  const counts = countCells(filter, cube, { cells: held, weights });
  return { total: counts.total, facets: counts.facets, users: top > 0 ? topUsers(cells, filter, kept, top) : [] };
}

/**
 * The top `top` users of the matches passing every test (the users facet has no filter of its own
 * here), as SQL orders them: count descending, then the user's number, no user last.
 */
function topUsers(
  { cube, cellOf, userOf, users }: ConversationCells,
  filter: Filter,
  kept: KeptMatches,
  top: number,
): MatchCounts['users'] {
  const passing = cellTest(filter, cube);
  // Counted by number in a Map for a few matches, in an array of every user for many.
  const byUser = kept instanceof Uint32Array ? new Map<number, number>() : new Uint32Array(users + 1);
  const add: (u: number) => void =
    byUser instanceof Map
      ? (u) => byUser.set(u, (byUser.get(u) ?? 0) + 1)
      : (u) => {
          const at = u === -1 ? byUser.length - 1 : u;
          byUser[at] = byUser[at]! + 1;
        };
  eachMatch(kept, (conv) => {
    if (passing(cellOf[conv]!)) add(userOf[conv]!);
  });
  const order = ([ua, a]: [number, number], [ub, b]: [number, number]) => b - a || (ua === -1 ? 1 : ub === -1 ? -1 : ua - ub);
  const pairs: [number, number][] = byUser instanceof Map ? [...byUser] : topOfCounts(byUser, top);
  return pairs
    .sort(order)
    .slice(0, top)
    .map(([u, count]) => ({ uid: u === -1 ? null : u, count }));
}

/**
 * The `top` largest counts of `counts` (by user number; the last slot counts no user, -1) with
 * ties to the smallest numbers and no user last, without sorting every user: the count reached by
 * the `top`-th largest is found from a histogram of the counts, then the users at or above it read
 * in number order.
 */
function topOfCounts(counts: Uint32Array, top: number): [number, number][] {
  let max = 0;
  for (const n of counts) if (n > max) max = n;
  const histogram = new Uint32Array(max + 1);
  for (const n of counts) if (n > 0) histogram[n] = histogram[n]! + 1;
  let threshold = max;
  let above = 0;
  while (threshold > 1 && above + histogram[threshold]! < top) above += histogram[threshold--]!;
  let atThreshold = top - above;
  const out: [number, number][] = [];
  const none = counts.length - 1;
  for (let u = 0; u < none; u++) {
    const n = counts[u]!;
    if (n > threshold || (n === threshold && n > 0 && atThreshold-- > 0)) out.push([u, n]);
  }
  const n = counts[none]!;
  if (n > threshold || (n === threshold && n > 0 && atThreshold > 0)) out.push([-1, n]);
  return out;
}
