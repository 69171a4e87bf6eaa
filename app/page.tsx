import Link from 'next/link';
import { FacetList } from '@/components/explore/facet-list';
import { ResultsTable } from '@/components/explore/results-table';
import { ParamError, parseParams } from '@/lib/filters/schema';
import { listConversations } from '@/lib/queries/conversations';
import { countFacets } from '@/lib/queries/facets';
import { QueryError } from '@/lib/search/query';
import { exploreHref } from '@/lib/urls';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(sp: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p;
}

export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const params = toParams(await searchParams);
  let parsed;
  try {
    parsed = parseParams(params);
  } catch (e) {
    if (e instanceof ParamError || e instanceof QueryError) {
      return (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-4">
          <p className="font-medium">This view cannot be shown: {e.message}</p>
          <Link href="/" className="text-indigo-700 underline">Start over</Link>
        </div>
      );
    }
    throw e;
  }
  const { filter, listing } = parsed;
  const [list, facets] = await Promise.all([listConversations(filter, listing), countFacets(filter)]);
  const pageEnd = Math.min(listing.offset + listing.limit, list.total);
  return (
    <div className="grid grid-cols-[16rem_1fr] gap-6">
      <aside>
        <FacetList title="Language" param="language" values={facets.language} params={params} />
        <FacetList title="Model" param="model" values={facets.model} params={params} />
        <FacetList title="Country" param="country" values={facets.country} params={params} />
        <FacetList title="State" param="state" values={facets.state} params={params} />
        <FacetList title="Toxic" param="toxic" values={facets.toxic} params={params} />
        <FacetList title="Redacted" param="redacted" values={facets.redacted} params={params} />
        <FacetList title="Top users (hashed IP)" param="hashed_ip" values={facets.hashed_ip} params={params} limit={5} />
      </aside>
      <section>
        <form action="/" method="get" className="mb-3 flex gap-2">
          <input name="q" defaultValue={filter.q ?? ''} placeholder='Search: words, "a phrase", -exclude'
            className="flex-1 rounded border border-slate-300 px-3 py-2" aria-label="Search conversations" />
          <select name="role" defaultValue={filter.role ?? ''} className="rounded border border-slate-300 px-2" aria-label="Search in">
            <option value="">all messages</option><option value="user">user messages</option><option value="assistant">assistant messages</option>
          </select>
          {[...params].filter(([k]) => !['q', 'role', 'offset', 'sort'].includes(k)).map(([k, v], i) => <input key={i} type="hidden" name={k} value={v} />)}
          <button className="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">Search</button>
        </form>
        <p className="mb-2 text-sm text-slate-600" data-testid="total">
          <strong>{list.total.toLocaleString('en-US')}</strong> conversations
          {list.total > 0 && <> · showing {(listing.offset + 1).toLocaleString('en-US')}–{pageEnd.toLocaleString('en-US')}</>}
        </p>
        <ResultsTable rows={list.rows} params={params} />
        <nav className="mt-3 flex gap-3 text-sm">
          {listing.offset > 0 && <Link className="text-indigo-700 underline" href={exploreHref(params, { offset: String(Math.max(0, listing.offset - listing.limit)) })}>← previous</Link>}
          {pageEnd < list.total && <Link className="text-indigo-700 underline" href={exploreHref(params, { offset: String(listing.offset + listing.limit) })}>next →</Link>}
        </nav>
      </section>
    </div>
  );
}
