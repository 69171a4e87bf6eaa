import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ParamNotices, type BadParams } from '@/components/common/param-notices';
import { ChartsSkeleton } from '@/components/charts/charts-skeleton';
import { ActiveFilters } from '@/components/explore/active-filters';
import { CATEGORIES, underscored } from '@/lib/dataset/moderation';
import { parseStatsParamsLenient } from '@/lib/stats/params';
import { resultsViewHref, searchParamsOf, withoutHref } from '@/lib/urls';
import { ChartsBody } from './charts-body';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Charts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const BY_PARAM: Record<string, string> = {
  turns_min: 'turns', turns_max: 'turns', from: 'time', to: 'time', interval: 'time', stack: 'time',
  language: 'languages', model: 'models', country: 'countries', state: 'states',
  not_language: 'languages', not_model: 'models', not_country: 'countries', not_state: 'states',
  flagged: 'moderation_flagged', split: 'moderation_flagged', toxic: 'detoxify',
};

const THRESHOLDS = new Set(CATEGORIES.map((c) => `min_${underscored(c)}`));

/** Where a bad parameter's notice goes: by the chart that sets it; the others (unknown, listing, q) at the top. */
function placeOf(param: string): string | undefined {
  if (THRESHOLDS.has(param)) return 'moderation_scores';
  return Object.hasOwn(BY_PARAM, param) ? BY_PARAM[param] : undefined;
}

export default async function ChartsPage({ searchParams }: { searchParams: SearchParams }) {
  const asked = searchParamsOf(await searchParams);
  // As on explore: the charts of the good parameters, a notice by each bad one, status 200.
  const { filter, options, params, errors } = parseStatsParamsLenient(asked);
  const bad: BadParams = { errors, href: withoutHref(asked, errors.map((e) => e.param), '/charts'), view: 'These charts', placeOf };
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">Charts</h1>
        <Link href={resultsViewHref(params)} className="text-sm text-indigo-700 underline" data-testid="results-link">
          Results for these filters →
        </Link>
      </div>
      <ParamNotices bad={bad} place="top" className="mb-2" />
      <ActiveFilters params={params} path="/charts" />
      <Suspense key={params.toString()} fallback={<ChartsSkeleton />}>
        <ChartsBody filter={filter} options={options} params={params} bad={bad} />
      </Suspense>
    </div>
  );
}
