import 'server-only';
// Everything the explore page counts for one view: rows, totals and facets run at the same time on
// separate pooled connections; with a search, all of them read the one computation of its matches.
import type { Filter, Listing } from '../filters/schema';
import type { TurnBucket } from './turn-buckets';
import { pageRows, type ConversationList } from './conversations';
import { countWith, type FacetCounts } from './facets';
import type { FlagCounts } from './flag-counts';
import { withMatches } from './selection';
import { countSummary } from './summary';

export interface ExploreView { list: ConversationList; facets: FacetCounts; turns: TurnBucket[]; flags: FlagCounts }

export async function exploreView(filter: Filter, listing: Listing): Promise<ExploreView> {
  const [rows, facets, { total, turns, flags }] = await Promise.all([
    withMatches(filter, (c, hits) => pageRows(c, filter, listing, hits)),
    withMatches(filter, (c, hits) => countWith(c, filter, hits)),
    withMatches(filter, (c, hits) => countSummary(c, filter, hits)),
  ]);
  return { list: { total, rows }, facets, turns, flags };
}
