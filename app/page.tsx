import Link from 'next/link';
import { permanentRedirect } from 'next/navigation';
import { ActiveFilters } from '@/components/explore/active-filters';
import { DateRange } from '@/components/explore/date-range';
import { FacetList } from '@/components/explore/facet-list';
import { FilterDrawer, FilterDrawerButton } from '@/components/explore/filter-drawer';
import { ListingControls } from '@/components/explore/listing-controls';
import { ModerationFacet } from '@/components/explore/moderation-facet';
import { Pager } from '@/components/explore/pager';
import { ResultsTable } from '@/components/explore/results-table';
import { SearchForm } from '@/components/explore/search-form';
import { TurnsFacet } from '@/components/explore/turns-facet';
import { UserSummaryCard } from '@/components/explore/user-summary';
import { TermsPanel } from '@/components/lenses/terms-panel';
import { ParamNotices, type BadParams } from '@/components/common/param-notices';
import { Sentence } from '@/components/common/sentence';
import { ViewNotice } from '@/components/common/view-notice';
import { chips } from '@/lib/filters/chips';
import { FIELD_DEFS, placeOf, type FieldDef } from '@/lib/filters/fields';
import { parseParamsLenient, type Filter } from '@/lib/filters/schema';
import { paging } from '@/lib/paging';
import { datasets } from '@/lib/queries/datasets';
import { exploreView, type ExploreView } from '@/lib/queries/explore';
import { userSummary } from '@/lib/queries/user-summary';
import { pageNotice } from '@/lib/server/respond';
import { exploreWildVis } from '@/lib/server/wildvis';
import { searchParamsOf, ViewLinks } from '@/lib/urls';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The sidebar control of one field, in the order of the field table; none for fields set elsewhere. */
function Control({
  def,
  view,
  filter,
  links,
  notice,
}: {
  def: FieldDef;
  view: ExploreView;
  filter: Filter;
  links: ViewLinks;
  notice: React.ReactNode;
}) {
  switch (def.kind) {
    case 'values':
      return def.facet ? (
        <FacetList def={def} values={view.facets[def.key as keyof ExploreView['facets']] ?? []} links={links} notice={notice} />
      ) : null;
    case 'bool':
      return <FacetList def={def} values={view.facets[def.key]} links={links} notice={notice} />;
    case 'range':
      return <TurnsFacet def={def} buckets={view.turns} filter={filter} links={links} notice={notice} />;
    case 'dates':
      return <DateRange def={def} links={links} notice={notice} />;
    case 'flagged':
      return <ModerationFacet def={def} counts={view.flags} links={links} notice={notice} />;
    default:
      return null; // the search box, and thresholds inside the moderation facet
  }
}

export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const asked = searchParamsOf(await searchParams);
  // A WildVis link (docs/API.md, "WildVis URLs") leads to the same view in Wildscope's terms.
  let wildvis;
  try {
    wildvis = await exploreWildVis(asked);
  } catch (e) {
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={new ViewLinks(asked).self} action="Try again" />;
    throw e;
  }
  if (wildvis && 'to' in wildvis) permanentRedirect(wildvis.to);
  if (wildvis) return <ViewNotice message={wildvis.notice} href={wildvis.href} action={wildvis.action} />;
  // Bad parameters do not replace the page: it shows the view without them (`params`), with a
  // notice by each. The status stays 200, as for any page of results; the JSON API answers 400.
  const { filter, listing, params, errors } = parseParamsLenient(asked);
  const links = new ViewLinks(params);
  const active = chips(params).length;
  const bad: BadParams = { errors, href: new ViewLinks(asked).without(errors.map((e) => e.param)), view: 'These results', placeOf };
  const notices = (place: string, className = 'mb-1') => <ParamNotices bad={bad} place={place} className={className} />;
  const users = filter.values.hashed_ip ?? [];
  let view;
  try {
    view = await Promise.all([
      exploreView(filter, listing),
      users.length === 1 ? userSummary(users[0]!) : Promise.resolve(undefined),
      datasets(),
    ]);
  } catch (e) {
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={new ViewLinks(asked).self} action="Try again" />;
    throw e;
  }
  const [explore, user, parts] = view;
  const { list } = explore;
  const page = paging(list.total, listing.limit, listing.offset);
  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <h1 className="sr-only">Explore conversations</h1>
      {notices('top', 'col-span-full md:-order-2')}
      {/* The search and results come first in the document (and so for Tab and screen readers); the sidebar is drawn to their left. */}
      <section className="min-w-0">
        <SearchForm filter={filter} links={links} notice={notices('search', 'mt-1')} />
        <FilterDrawerButton active={active} />
        <ActiveFilters links={links} />
        {user && <UserSummaryCard summary={user} links={links} />}
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2" data-testid="listing-bar">
          <p className="text-sm text-slate-700" data-testid="total">
            <Sentence total={list.total} links={links} />
            {list.total > 0 && (
              <span className="text-slate-500" data-testid="range">
                {' '}
                · {page.first.toLocaleString('en-US')}–{page.last.toLocaleString('en-US')}
              </span>
            )}
          </p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <ListingControls query={links.query} sort={listing.sort} limit={listing.limit} searching={!!filter.q} />
            <Link href={links.charts()} className="text-sm text-indigo-700 underline" data-testid="charts-link">
              Charts
            </Link>
            <Link href={links.map()} className="text-sm text-indigo-700 underline" data-testid="map-link">
              Map
            </Link>
            <Link href={links.compare()} className="text-sm text-indigo-700 underline" data-testid="compare-link">
              Compare with…
            </Link>
            <span className="text-sm text-slate-600">
              Export{' '}
              <a className="text-indigo-700 underline" href={links.export('csv')} data-testid="export-csv" download>
                CSV
              </a>
              {' / '}
              <a className="text-indigo-700 underline" href={links.export('jsonl')} data-testid="export-jsonl" download>
                JSONL
              </a>
            </span>
          </div>
          {notices('listing', 'basis-full')}
        </div>
        <ResultsTable rows={list.rows} query={links.query} terms={filter.search?.highlight ?? []} several={parts.length > 1} />
        <Pager links={links} total={list.total} limit={listing.limit} offset={listing.offset} />
      </section>
      <FilterDrawer active={active}>
        <TermsPanel query={links.query} title={user ? 'What this user talks about' : undefined} />
        {FIELD_DEFS.map((def) => (
          <Control key={def.key} def={def} view={explore} filter={filter} links={links} notice={notices(def.place)} />
        ))}
      </FilterDrawer>
    </div>
  );
}
