import Link from 'next/link';
import type { TurnBucket } from '@/lib/queries/buckets';
import { rangeHref } from '@/lib/urls';

/** Turn-count buckets; a click sets turns_min/turns_max, a second click clears them. */
export function TurnsFacet({ buckets, params, notice }: { buckets: TurnBucket[]; params: URLSearchParams; notice?: React.ReactNode }) {
  const min = params.get('turns_min');
  const max = params.get('turns_max');
  return (
    <section className="mb-4" data-facet="turns">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Turns</h3>
      {notice}
      <ul className="space-y-0.5 text-sm">
        {buckets.map((b) => {
          const on = min === String(b.min) && (max ?? null) === (b.max === null ? null : String(b.max));
          return (
            <li key={b.label} className="flex items-center justify-between gap-2">
              <Link href={on ? rangeHref(params, 'turns_min', 'turns_max', null, null) : rangeHref(params, 'turns_min', 'turns_max', b.min, b.max)}
                data-value={b.label} aria-pressed={on} className={`hover:underline ${on ? 'font-semibold text-indigo-700' : ''}`}>
                {b.label}
              </Link>
              <span data-count className="tabular-nums text-slate-500">{b.count.toLocaleString('en-US')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
