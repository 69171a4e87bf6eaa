'use client';
// Sort and page size: each choice is a URL change, so the server renders the new page and
// reload/back/forward reproduce it.
import { usePendingNavigation } from '@/components/common/navigation-pending';
import { ViewLinks } from '@/lib/urls';

const SORTS = [
  { value: 'newest', label: 'newest' },
  { value: 'oldest', label: 'oldest' },
  { value: 'turns', label: 'most turns' },
  { value: 'relevance', label: 'relevance' },
  { value: 'moderation', label: 'highest moderation' },
];
export const PAGE_SIZES = [25, 50, 100, 200];

export function ListingControls({ query, sort, limit, searching }: { query: string; sort: string; limit: number; searching: boolean }) {
  const { go: navigate } = usePendingNavigation();
  const go = (set: Record<string, string | null>) => navigate(new ViewLinks(query).set(set));
  return (
    <div className="flex items-center gap-3 text-sm">
      <label className="flex items-center gap-1 text-slate-600">
        Sort
        <select
          value={sort}
          aria-label="Sort"
          className="rounded border border-slate-300 bg-white px-1"
          onChange={(e) => go({ sort: e.target.value === (searching ? 'relevance' : 'newest') ? null : e.target.value })}
        >
          {SORTS.filter((s) => s.value !== 'relevance' || searching).map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1 text-slate-600">
        Per page
        <select
          value={limit}
          aria-label="Per page"
          className="rounded border border-slate-300 bg-white px-1"
          onChange={(e) => go({ limit: e.target.value === '50' ? null : e.target.value })}
        >
          {[...new Set([...PAGE_SIZES, limit])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
