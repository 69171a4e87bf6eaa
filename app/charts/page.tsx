import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ParamNotices, type BadParams } from '@/components/common/param-notices';
import { ChartsSkeleton } from '@/components/charts/charts-skeleton';
import { ActiveFilters } from '@/components/explore/active-filters';
import { chartOf } from '@/lib/filters/fields';
import { parseStatsParamsLenient } from '@/lib/stats/params';
import { searchParamsOf, ViewLinks } from '@/lib/urls';
import { ChartsBody } from './charts-body';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Charts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The charts the chart options shape. */
const OPTION_CHART: Record<string, string> = { interval: 'time', stack: 'time', split: 'moderation_flagged', topic_split: 'topic_split' };

/** Where a bad parameter's notice goes: by the chart that sets it; the others (unknown, listing, q) at the top. */
const placeOf = (param: string): string | undefined => (Object.hasOwn(OPTION_CHART, param) ? OPTION_CHART[param] : chartOf(param));

export default async function ChartsPage({ searchParams }: { searchParams: SearchParams }) {
  const asked = searchParamsOf(await searchParams);
  // As on explore: the charts of the good parameters, a notice by each bad one, status 200.
  const { filter, options, params, errors } = parseStatsParamsLenient(asked);
  const links = new ViewLinks(params, '/charts');
  const bad: BadParams = {
    errors,
    href: new ViewLinks(asked, '/charts').without(errors.map((e) => e.param)),
    view: 'These charts',
    placeOf,
  };
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">Charts</h1>
        <div className="flex gap-4">
          <Link href={links.map()} className="text-sm text-indigo-700 underline" data-testid="map-link">
            Topic map of these filters
          </Link>
          <Link href={links.compare()} className="text-sm text-indigo-700 underline" data-testid="compare-link">
            Compare with…
          </Link>
          <Link href={links.results()} className="text-sm text-indigo-700 underline" data-testid="results-link">
            Results for these filters →
          </Link>
        </div>
      </div>
      <ParamNotices bad={bad} place="top" className="mb-2" />
      <ActiveFilters links={links} />
      <Suspense key={params.toString()} fallback={<ChartsSkeleton />}>
        <ChartsBody filter={filter} options={options} links={links} bad={bad} />
      </Suspense>
    </div>
  );
}
