import type { Metadata } from 'next';
import { ViewNotice } from '@/components/common/view-notice';
import { CompareView } from '@/components/lenses/compare-view';
import { compareSelections } from '@/lib/lenses/compare';
import { parseCompareLenient } from '@/lib/lenses/params';
import { pageNotice } from '@/lib/server/respond';
import { compareHref, searchParamsOf } from '@/lib/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare · Wildscope' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Two selections side by side: `a` and `b` are each a query string of filters. */
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const asked = searchParamsOf(await searchParams);
  const r = parseCompareLenient(asked);
  let c;
  try {
    c = await compareSelections(r.a, r.b, r.aParams, r.bParams);
  } catch (e) {
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={compareHref(r.aParams, r.bParams)} action="Try again" />;
    throw e;
  }
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">Compare</h1>
        <span className="flex gap-4 text-sm">
          <a className="text-indigo-700 underline" href={compareHref(r.bParams, r.aParams)} data-testid="swap">
            Swap A and B
          </a>
          <a className="text-indigo-700 underline" href={compareHref(r.aParams, r.bParams, 'csv')} download data-testid="compare-csv">
            CSV
          </a>
          <a className="text-indigo-700 underline" href={compareHref(r.aParams, r.bParams, 'json')} data-testid="compare-json">
            JSON
          </a>
        </span>
      </div>
      <form action="/compare" method="get" className="mb-4 grid gap-2 text-sm md:grid-cols-[1fr_1fr_auto]" data-testid="compare-form">
        <label className="grid gap-1">
          <span>A: filters as in an explore address (empty = every conversation)</span>
          <input
            name="a"
            defaultValue={r.aParams.toString()}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <label className="grid gap-1">
          <span>B: filters (e.g. country=Russia&amp;model=gpt-4-0314)</span>
          <input
            name="b"
            defaultValue={r.bParams.toString()}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <button className="self-end rounded bg-indigo-700 px-3 py-1 text-white">Compare</button>
      </form>
      {r.errors.length > 0 && (
        <ul
          className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:bg-amber-950"
          role="alert"
          data-testid="compare-notices"
        >
          {r.errors.map((e) => (
            <li key={e.message}>Left out: {e.message}</li>
          ))}
        </ul>
      )}
      <CompareView c={c} a={r.aParams} b={r.bParams} />
    </div>
  );
}
