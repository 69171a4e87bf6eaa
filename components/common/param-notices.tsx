import Link from 'next/link';
import type { ParamError } from '@/lib/filters/schema';

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A page's bad parameters: each placed by `placeOf` (undefined = the general notice at the top). */
export interface BadParams {
  errors: ParamError[];
  /** The same view without every bad parameter (lib/urls.ts withoutHref). */
  href: string;
  /** What the page shows, as the subject of the notice: "These results", "These charts". */
  view: string;
  placeOf: (param: string) => string | undefined;
}

/** The bad parameters whose notice goes at `place`. */
export const noticesAt = (bad: BadParams, place: string): ParamError[] =>
  bad.errors.filter((e) => (bad.placeOf(e.param) ?? 'top') === place);

/**
 * The notices of the bad parameters that belong at `place` (the field they concern, or 'top'),
 * each naming its parameter and linking to the view without the bad ones; nothing when there are none.
 * Every value is rendered as text by React.
 */
export function ParamNotices({ bad, place, className = '' }: { bad: BadParams; place: string; className?: string }) {
  const here = noticesAt(bad, place);
  if (!here.length) return null;
  const names = [...new Set(bad.errors.map((e) => clip(e.param)))].join(', ');
  return (
    <div className={`space-y-1 ${className}`} data-notices={place}>
      {here.map((e) => (
        <div key={e.param} role="alert" data-param={e.param} className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm">
          <p>
            {bad.view} cannot be shown with <code className="break-all">{clip(e.param)}</code>:{' '}
            <span className="break-words">{e.message}</span>. They are shown without it.
          </p>
          <Link href={bad.href} className="text-indigo-700 underline">
            Show without {names}
          </Link>
        </div>
      ))}
    </div>
  );
}
