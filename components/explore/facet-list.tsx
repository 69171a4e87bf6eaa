import Link from 'next/link';
import { toggleHref } from '@/lib/urls';

interface Props {
  title: string;
  param: string;
  values: { value: string | boolean | null; count: number }[];
  params: URLSearchParams;
  limit?: number;
}

/** One facet: values with counts; a click toggles the value, "not" excludes it. */
export function FacetList({ title, param, values, params, limit = 12 }: Props) {
  const selected = new Set(params.getAll(param));
  const excluded = new Set(params.getAll(`not_${param}`));
  return (
    <section className="mb-4" data-facet={param}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="space-y-0.5 text-sm">
        {values.slice(0, limit).map(({ value, count }) => {
          const v = value === null ? null : String(value);
          return (
            <li key={String(v)} className="group flex items-center justify-between gap-2">
              {v === null ? (
                <span className="italic text-slate-400">unknown</span>
              ) : (
                <Link href={toggleHref(params, param, v)} data-value={v}
                  className={`truncate hover:underline ${selected.has(v) ? 'font-semibold text-indigo-700' : ''} ${excluded.has(v) ? 'line-through text-slate-400' : ''}`}>
                  {v}
                </Link>
              )}
              <span className="flex items-center gap-1 tabular-nums text-slate-500">
                {v !== null && (
                  <Link href={toggleHref(params, `not_${param}`, v)} title={`exclude ${v}`} className="invisible text-xs text-rose-600 group-hover:visible">not</Link>
                )}
                <span data-count>{count.toLocaleString('en-US')}</span>
              </span>
            </li>
          );
        })}
        {values.length === 0 && <li className="text-slate-400">none</li>}
      </ul>
    </section>
  );
}
