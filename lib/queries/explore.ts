import 'server-only';
// Everything the explore page counts for one view. With a search, all of it runs in one session
// on the request's materialized matches, so the search runs once; without one, the queries are
// independent and run on separate pooled connections at the same time.
import type { Filter, Listing } from '../filters/schema';
import { session } from '../server/index-db';
import { countTurnBuckets, type TurnBucket } from './buckets';
import { listWith, type ConversationList } from './conversations';
import { countWith, type FacetCounts } from './facets';
import { countFlags, type FlagCounts } from './flag-counts';
import { withMatches } from './selection';

export interface ExploreView { list: ConversationList; facets: FacetCounts; turns: TurnBucket[]; flags: FlagCounts }

export async function exploreView(filter: Filter, listing: Listing): Promise<ExploreView> {
  if (filter.q) {
    return withMatches(filter, async (c, hits) => ({
      list: await listWith(c, filter, listing, hits),
      facets: await countWith(c, filter, hits),
      turns: await countTurnBuckets(c, filter, hits),
      flags: await countFlags(c, filter, hits),
    }));
  }
  const [list, facets, turns, flags] = await Promise.all([
    session((c) => listWith(c, filter, listing)), session((c) => countWith(c, filter)),
    session((c) => countTurnBuckets(c, filter)), session((c) => countFlags(c, filter)),
  ]);
  return { list, facets, turns, flags };
}
