import Link from 'next/link';
import { ActiveFilters } from '@/components/explore/active-filters';
import { DateRange } from '@/components/explore/date-range';
import { FacetList } from '@/components/explore/facet-list';
import { ListingControls } from '@/components/explore/listing-controls';
import { ModerationFacet } from '@/components/explore/moderation-facet';
import { Pager } from '@/components/explore/pager';
import { ResultsTable } from '@/components/explore/results-table';
import { SearchForm } from '@/components/explore/search-form';
import { TurnsFacet } from '@/components/explore/turns-facet';
import { UserSummaryCard } from '@/components/explore/user-summary';
import { describeParams } from '@/lib/filters/describe';
import { ParamError, parseParams } from '@/lib/filters/schema';
import { paging } from '@/lib/paging';
import { exploreView } from '@/lib/queries/explore';
import { pageNotice } from '@/lib/server/respond';
import { ViewNotice } from '@/components/common/view-notice';
import { userSummary } from '@/lib/queries/user-summary';
import { QueryError } from '@/lib/search/query';
import { chartsViewHref, exportHref, searchParamsOf } from '@/lib/urls';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const fmt = (n: number) => n.toLocaleString('en-US');

export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const params = searchParamsOf(await searchParams);
  let parsed;
  try {
    parsed = parseParams(params);
  } catch (e) {
    if (e instanceof ParamError || e instanceof QueryError) {
      return <ViewNotice message={`This view cannot be shown: ${e.message}`} href="/" action="Start over" />;
    }
    throw e;
  }
  const { filter, listing } = parsed;
  const users = filter.values.hashed_ip ?? [];
  let view;
  try {
    view = await Promise.all([
      exploreView(filter, listing),
      users.length === 1 ? userSummary(users[0]) : Promise.resolve(undefined),
    ]);
  } catch (e) {
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={`/?${params.toString()}`} action="Try again" />;
    throw e;
  }
  const [{ list, facets, turns, flags }, user] = view;
  const page = paging(list.total, listing.limit, listing.offset);
  const clauses = describeParams(params);
  const query = params.toString();
  return (
    <div className="grid grid-cols-[16rem_1fr] gap-6">
      <aside>
        <FacetList title="Language" param="language" values={facets.language} params={params} />
        <FacetList title="Country" param="country" values={facets.country} params={params} />
        <FacetList title="State" param="state" values={facets.state} params={params} limit={5} />
        <FacetList title="Model" param="model" values={facets.model} params={params} />
        <TurnsFacet buckets={turns} params={params} />
        <DateRange params={params} />
        <FacetList title="Toxic" param="toxic" values={facets.toxic} params={params} single />
        <FacetList title="Redacted" param="redacted" values={facets.redacted} params={params} single />
        <ModerationFacet counts={flags} params={params} />
        <FacetList title="Top users (hashed IP)" param="hashed_ip" values={facets.hashed_ip} params={params} limit={5} />
      </aside>
      <section className="min-w-0">
        <SearchForm filter={filter} params={params} />
        <ActiveFilters params={params} />
        {user && <UserSummaryCard summary={user} params={params} />}
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm text-slate-700" data-testid="total">
            <span data-testid="sentence"><strong>{fmt(list.total)}</strong> conversation{list.total === 1 ? '' : 's'}{clauses && ` ${clauses}`}</span>
            {list.total > 0 && <span className="text-slate-500" data-testid="range"> · {fmt(page.first)}–{fmt(page.last)}</span>}
          </p>
          <div className="flex items-center gap-4">
            <ListingControls query={query} sort={listing.sort} limit={listing.limit} searching={!!filter.q} />
            <Link href={chartsViewHref(params)} className="text-sm text-indigo-700 underline" data-testid="charts-link">Charts</Link>
            <span className="text-sm text-slate-600">
              Export <a className="text-indigo-700 underline" href={exportHref(params, 'csv')} data-testid="export-csv" download>CSV</a>
              {' / '}<a className="text-indigo-700 underline" href={exportHref(params, 'jsonl')} data-testid="export-jsonl" download>JSONL</a>
            </span>
          </div>
        </div>
        <ResultsTable rows={list.rows} query={query} />
        <Pager params={params} total={list.total} limit={listing.limit} offset={listing.offset} />
      </section>
    </div>
  );
}
