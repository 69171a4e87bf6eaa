import 'server-only';
// Everything the explore page counts for one view. With a search, all of it runs in one session
// on the request's materialized matches, so the search runs once; without one, the queries are
// independent and run on separate pooled connections at the same time.
import type { Filter, Listing } from '../filters/schema';
import { session } from '../server/index-db';
import type { TurnBucket } from './buckets';
import { pageRows, type ConversationList } from './conversations';
import { countWith, type FacetCounts } from './facets';
import type { FlagCounts } from './flag-counts';
import { withMatches } from './selection';
import { countSummary } from './summary';

export interface ExploreView { list: ConversationList; facets: FacetCounts; turns: TurnBucket[]; flags: FlagCounts }

export async function exploreView(filter: Filter, listing: Listing): Promise<ExploreView> {
  if (filter.q) {
    return withMatches(filter, async (c, hits) => {
      const rows = await pageRows(c, filter, listing, hits);
      const { total, turns, flags } = await countSummary(c, filter, hits);
      return { list: { total, rows }, facets: await countWith(c, filter, hits), turns, flags };
    });
  }
  const [rows, facets, { total, turns, flags }] = await Promise.all([
    session((c) => pageRows(c, filter, listing)), session((c) => countWith(c, filter)), session((c) => countSummary(c, filter)),
  ]);
  return { list: { total, rows }, facets, turns, flags };
}
