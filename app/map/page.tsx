import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ParamNotices, type BadParams } from '@/components/common/param-notices';
import { ActiveFilters } from '@/components/explore/active-filters';
import { parseMapParamsLenient } from '@/lib/map-view/params';
import { searchParamsOf, ViewLinks } from '@/lib/urls';
import { MapBody } from './map-body';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Topic map' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MapPage({ searchParams }: { searchParams: SearchParams }) {
  const asked = searchParamsOf(await searchParams);
  // As on explore and the charts: the map of the good parameters, a notice for each bad one, status 200.
  const { filter, color, params, errors } = parseMapParamsLenient(asked);
  const links = new ViewLinks(params, '/map');
  const bad: BadParams = {
    errors,
    href: new ViewLinks(asked, '/map').without(errors.map((e) => e.param)),
    view: 'This map',
    placeOf: () => undefined,
  };
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">Topic map</h1>
        <div className="flex gap-4 text-sm">
          <Link href={links.charts()} className="text-indigo-700 underline" data-testid="charts-link">
            Charts of these filters
          </Link>
          <Link href={links.results()} className="text-indigo-700 underline" data-testid="results-link">
            Results for these filters →
          </Link>
        </div>
      </div>
      <ParamNotices bad={bad} place="top" className="mb-2" />
      <ActiveFilters links={links} />
      <Suspense key={params.toString()} fallback={<p className="text-sm text-slate-600">Loading the map…</p>}>
        <MapBody filter={filter} color={color} links={links} />
      </Suspense>
    </div>
  );
}
