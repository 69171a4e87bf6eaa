import type { Filter } from '@/lib/filters/schema';
import { SEARCH_INPUT_ID } from '@/components/common/keyboard-shortcuts';
import type { ViewLinks } from '@/lib/urls';
import { HiddenParams } from './hidden-params';

/** Keyword search as a GET form that keeps every other filter. */
export function SearchForm({ filter, links, notice }: { filter: Filter; links: ViewLinks; notice?: React.ReactNode }) {
  return (
    <form action={links.path} method="get" className="mb-1" data-testid="search">
      <div className="flex flex-wrap gap-2">
        <input
          id={SEARCH_INPUT_ID}
          name="q"
          defaultValue={filter.q ?? ''}
          placeholder='Search: words, "a phrase", -exclude'
          className="min-w-0 flex-1 basis-48 rounded border border-slate-300 px-3 py-2"
          aria-label="Search conversations"
          aria-describedby="search-hint"
        />
        <select name="role" defaultValue={filter.role ?? ''} className="rounded border border-slate-300 px-2" aria-label="Search in">
          <option value="">all messages</option>
          <option value="user">user messages</option>
          <option value="assistant">assistant messages</option>
        </select>
        <HiddenParams links={links} except={['q', 'role', 'sort']} />
        <button className="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">Search</button>
      </div>
      <p id="search-hint" className="mt-1 text-xs text-slate-500">
        All words must occur · <code>&quot;quoted words&quot;</code> in that order · <code>-word</code> excludes · Chinese, Japanese and
        Thai match character sequences
      </p>
      {notice}
    </form>
  );
}
