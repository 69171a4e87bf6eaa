import Link from 'next/link';
import type { RangeDef } from '@/lib/filters/fields';
import type { Filter } from '@/lib/filters/schema';
import type { TurnBucket } from '@/lib/queries/turn-buckets';
import type { ViewLinks } from '@/lib/urls';

/** Turn-count buckets; a click sets the range to the bucket, a second click clears it. */
export function TurnsFacet({
  def,
  buckets,
  filter,
  links,
  notice,
}: {
  def: RangeDef;
  buckets: TurnBucket[];
  filter: Filter;
  links: ViewLinks;
  notice?: React.ReactNode;
}) {
  return (
    <section className="mb-4" data-facet={def.key}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{def.title}</h3>
      {notice}
      <ul className="space-y-0.5 text-sm">
        {buckets.map((b) => {
          const on = filter.turnsMin === b.min && (filter.turnsMax ?? null) === b.max;
          return (
            <li key={b.label} className="flex items-center justify-between gap-2">
              <Link
                href={on ? links.range(def, null, null) : links.range(def, b.min, b.max)}
                data-value={b.label}
                aria-current={on ? 'true' : undefined}
                className={`hover:underline ${on ? 'font-semibold text-indigo-700' : ''}`}
              >
                {b.label}
              </Link>
              <span data-count className="tabular-nums text-slate-500">
                {b.count.toLocaleString('en-US')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
