import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ViewNotice } from '@/components/common/view-notice';
import { ChartsSkeleton } from '@/components/charts/charts-skeleton';
import { ActiveFilters } from '@/components/explore/active-filters';
import { ParamError } from '@/lib/filters/schema';
import { QueryError } from '@/lib/search/query';
import { parseStatsParams } from '@/lib/stats/params';
import { resultsViewHref, searchParamsOf } from '@/lib/urls';
import { ChartsBody } from './charts-body';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Charts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ChartsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = searchParamsOf(await searchParams);
  let parsed;
  try {
    parsed = parseStatsParams(params);
  } catch (e) {
    if (e instanceof ParamError || e instanceof QueryError) {
      return <ViewNotice message={`These charts cannot be shown: ${e.message}`} href="/charts" action="Start over" />;
    }
    throw e;
  }
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">Charts</h1>
        <Link href={resultsViewHref(params)} className="text-sm text-indigo-700 underline" data-testid="results-link">
          Results for these filters →
        </Link>
      </div>
      <ActiveFilters params={params} path="/charts" />
      <Suspense key={params.toString()} fallback={<ChartsSkeleton />}>
        <ChartsBody filter={parsed.filter} options={parsed.options} params={params} />
      </Suspense>
    </div>
  );
}
