import 'server-only';
// The newest page of a selection of facet values alone, or the newest or most relevant page of a
// search's matches under such a filter, read from the conversations' newest order kept per index
// instead of sorting every selected row: the order is walked, testing many matches' bits (or a few
// matches ranked in it; for relevance, the scored matches by their scores first), and each
// conversation's cube cell tested against the filter.
import type { Connection } from '../db/duckdb';
import type { Listing } from '../filters/schema';
import { isUnfiltered } from '../filters/where';
import { cachedPerIndex } from './cache';
import { cellTest, cubeAnswers } from './facet-cube';
import { conversationCells, matchesAnswer } from './match-facets';
import type { Selection } from './selection';

/** Row numbers newest first (listing.ts's order: ts DESC NULLS LAST, idx DESC), and each row's place in that order. */
interface Newest {
  order: Uint32Array;
  rank: Uint32Array;
}

const newestOf = (c: Connection): Promise<Newest> =>
  cachedPerIndex(c, 'listing|newest', async () => {
    const [idx] = await c.columns<[number]>('SELECT idx FROM conversations c ORDER BY c.ts DESC NULLS LAST, c.idx DESC');
    const order = Uint32Array.from(idx);
    const rank = new Uint32Array(order.length);
    order.forEach((conv, i) => (rank[conv] = i));
    return { order, rank };
  });

/** The row numbers of the page when it can be read this way, else undefined (the caller sorts in SQL). */
export async function newestPage(c: Connection, sel: Selection, listing: Listing): Promise<number[] | undefined> {
  const filter = sel.filter;
  // Relevance (listing.ts's order: score DESC, then newest) from the scores kept beside a search's matches.
  const scored = listing.sort === 'relevance' && filter.q ? sel.scored : undefined;
  if (listing.sort !== 'newest' && !(listing.sort === 'relevance' && (!filter.q || scored))) return undefined;
  const { limit, offset } = listing;
  if (!filter.q && isUnfiltered(filter)) return [...(await newestOf(c)).order.subarray(offset, offset + limit)];
  const matches = filter.q ? (matchesAnswer(filter, sel.kept) ? sel.kept : undefined) : null;
  if (matches === undefined || (!filter.q && !cubeAnswers(filter))) return undefined;
  const kept = await conversationCells(c);
  if (!kept) return undefined;
  const { order, rank } = await newestOf(c);
  const test = cellTest({ ...filter, q: undefined }, kept.cube);
  const passing = (conv: number) => test(kept.cellOf[conv]!);
  if (scored) {
    const { convs, scores, complete } = scored;
    const at = Uint32Array.from(convs.keys()).filter((i) => passing(convs[i]!));
    // The highest-scoring of many hold the page only if it ends among them; else SQL ranks every match.
    if (!complete && at.length < offset + limit) return undefined;
    at.sort((a, b) => (scores[a]! > scores[b]! ? -1 : scores[a]! < scores[b]! ? 1 : rank[convs[a]!]! - rank[convs[b]!]!));
    return Array.from(at.subarray(offset, offset + limit), (i) => convs[i]!);
  }
  if (matches instanceof Uint32Array) {
    const ranks = Uint32Array.from(matches.filter(passing), (conv) => rank[conv]!).sort();
    return Array.from(ranks.subarray(offset, offset + limit), (r) => order[r]!);
  }
  // Every conversation passing the filter, or those of many matches: the walk stops at the page's end.
  const bits = matches ?? undefined;
  const page: number[] = [];
  let skipped = 0;
  for (let i = 0; i < order.length && page.length < limit; i++) {
    const conv = order[i]!;
    if ((bits && !bits.has(conv)) || !passing(conv)) continue;
    if (skipped < offset) skipped++;
    else page.push(conv);
  }
  return page;
}
