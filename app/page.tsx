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
import { ParamNotices, type BadParams } from '@/components/common/param-notices';
import { CATEGORIES, underscored } from '@/lib/dataset/moderation';
import { describeParams } from '@/lib/filters/describe';
import { parseParamsLenient } from '@/lib/filters/schema';
import { paging } from '@/lib/paging';
import { exploreView } from '@/lib/queries/explore';
import { pageNotice } from '@/lib/server/respond';
import { ViewNotice } from '@/components/common/view-notice';
import { userSummary } from '@/lib/queries/user-summary';
import { chartsViewHref, exportHref, searchParamsOf, withoutHref } from '@/lib/urls';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const fmt = (n: number) => n.toLocaleString('en-US');

const FACETS = new Set(['language', 'country', 'state', 'model', 'hashed_ip']);
const THRESHOLDS = new Set(CATEGORIES.map((c) => `min_${underscored(c)}`));

/** Where a bad parameter's notice goes: by the control that sets it; unknown ones at the top. */
function placeOf(param: string): string | undefined {
  if (param === 'q' || param === 'role') return 'search';
  if (param === 'sort' || param === 'limit' || param === 'offset') return 'listing';
  if (param === 'turns_min' || param === 'turns_max') return 'turns';
  if (param === 'from' || param === 'to') return 'date';
  if (param === 'flagged' || THRESHOLDS.has(param)) return 'flagged';
  if (param === 'toxic' || param === 'redacted') return param;
  const field = param.replace(/^not_/, '');
  return FACETS.has(field) ? field : undefined;
}

export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const asked = searchParamsOf(await searchParams);
  // Bad parameters do not replace the page: it shows the view without them (`params`), with a
  // notice by each. The status stays 200, as for any page of results; the JSON API answers 400.
  const { filter, listing, params, errors } = parseParamsLenient(asked);
  const bad: BadParams = { errors, href: withoutHref(asked, errors.map((e) => e.param)), view: 'These results', placeOf };
  const notices = (place: string, className = 'mb-1') => <ParamNotices bad={bad} place={place} className={className} />;
  const users = filter.values.hashed_ip ?? [];
  let view;
  try {
    view = await Promise.all([
      exploreView(filter, listing),
      users.length === 1 ? userSummary(users[0]) : Promise.resolve(undefined),
    ]);
  } catch (e) {
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={`/?${asked.toString()}`} action="Try again" />;
    throw e;
  }
  const [{ list, facets, turns, flags }, user] = view;
  const page = paging(list.total, listing.limit, listing.offset);
  const clauses = describeParams(params);
  const query = params.toString();
  return (
    <div className="grid grid-cols-[16rem_1fr] gap-6">
      {notices('top', 'col-span-full')}
      <aside>
        <FacetList title="Language" param="language" values={facets.language} params={params} notice={notices('language')} />
        <FacetList title="Country" param="country" values={facets.country} params={params} notice={notices('country')} />
        <FacetList title="State" param="state" values={facets.state} params={params} limit={5} notice={notices('state')} />
        <FacetList title="Model" param="model" values={facets.model} params={params} notice={notices('model')} />
        <TurnsFacet buckets={turns} params={params} notice={notices('turns')} />
        <DateRange params={params} notice={notices('date')} />
        <FacetList title="Toxic" param="toxic" values={facets.toxic} params={params} single notice={notices('toxic')} />
        <FacetList title="Redacted" param="redacted" values={facets.redacted} params={params} single notice={notices('redacted')} />
        <ModerationFacet counts={flags} params={params} notice={notices('flagged')} />
        <FacetList title="Top users (hashed IP)" param="hashed_ip" values={facets.hashed_ip} params={params} limit={5} notice={notices('hashed_ip')} />
      </aside>
      <section className="min-w-0">
        <SearchForm filter={filter} params={params} notice={notices('search', 'mt-1')} />
        <ActiveFilters params={params} />
        {user && <UserSummaryCard summary={user} params={params} />}
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2" data-testid="listing-bar">
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
          {notices('listing', 'basis-full')}
        </div>
        <ResultsTable rows={list.rows} query={query} />
        <Pager params={params} total={list.total} limit={listing.limit} offset={listing.offset} />
      </section>
    </div>
  );
}
