import Link from 'next/link';
import { chips } from '@/lib/filters/chips';
import { topicNames } from '@/lib/queries/topics';
import type { ViewLinks } from '@/lib/urls';

/** The active filters as chips; each chip's × removes just that filter, staying on the view's page. */
export async function ActiveFilters({ links }: { links: ViewLinks }) {
  const path = links.path;
  const list = chips(links.params, path, await topicNames(links.params));
  if (!list.length) return null;
  return (
    <ul className="mb-2 flex flex-wrap items-center gap-1.5 text-sm" data-testid="chips">
      {list.map((c, i) => (
        <li
          key={i}
          data-chip={c.key}
          className="flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pl-2.5 pr-1 text-indigo-900"
        >
          <span>{c.label}</span>
          <Link
            href={c.href}
            aria-label={`Remove ${c.label}`}
            className="rounded-full px-1.5 text-indigo-500 hover:bg-indigo-200 hover:text-indigo-900"
          >
            ×
          </Link>
        </li>
      ))}
      {list.length > 1 && (
        <li>
          <Link href={path} className="text-xs text-slate-500 underline hover:text-slate-800">
            clear all
          </Link>
        </li>
      )}
    </ul>
  );
}
