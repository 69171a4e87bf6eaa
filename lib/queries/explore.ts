import 'server-only';
// Everything the explore page counts for one view: rows, totals and facets run at the same time on
// separate pooled connections; with a search, all of them read the one computation of its matches.
import type { Filter, Listing } from '../filters/schema';
import type { TurnBucket } from './turn-buckets';
import { pageRows, type ConversationList } from './listing';
import { countWith, type FacetCounts } from './facets';
import type { FlagCounts } from './flag-counts';
import { withSelection } from './selection';
import { countSummary } from './summary';

export interface ExploreView {
  list: ConversationList;
  facets: FacetCounts;
  turns: TurnBucket[];
  flags: FlagCounts;
}

export async function exploreView(filter: Filter, listing: Listing): Promise<ExploreView> {
  const [rows, facets, { total, turns, flags }] = await Promise.all([
    withSelection(filter, (c, sel) => pageRows(c, sel, listing)),
    withSelection(filter, (c, sel) => countWith(c, sel)),
    withSelection(filter, (c, sel) => countSummary(c, sel)),
  ]);
  return { list: { total, rows }, facets, turns, flags };
}
