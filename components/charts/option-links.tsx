import Link from 'next/link';
import { ViewLinks } from '@/lib/urls';
import { useCaptionParts } from './caption';

const optionHref = (query: string, key: string, value: string | null): string => new ViewLinks(query, '/charts').set({ [key]: value });

/**
 * A chart option (interval, stack, split) as links that set it in the URL; null is the default.
 * By dataset is offered only when several datasets are served. Rendered inside client charts.
 */
export function OptionLinks({
  label,
  param,
  values,
  current,
  query,
}: {
  label: string;
  param: string;
  values: [string | null, string][];
  current: string | null;
  query: string;
}) {
  const several = (useCaptionParts()?.datasets ?? 1) > 1;
  return (
    <span className="flex flex-wrap items-center gap-1" data-option={param}>
      <span className="text-slate-500">{label}</span>
      {values
        .filter(([v]) => v !== 'dataset' || several)
        .map(([v, text]) => (
          <Link
            key={text}
            href={optionHref(query, param, v)}
            scroll={false}
            aria-current={current === v ? 'true' : undefined}
            className={`rounded px-1.5 py-0.5 ${current === v ? 'bg-slate-800 text-white' : 'text-indigo-700 hover:bg-slate-100'}`}
          >
            {text}
          </Link>
        ))}
    </span>
  );
}
