'use client';
// The results as a TanStack table (v9, core features only: sorting and paging happen on the
// server through the URL). Every metadata value links to the filter it names; a row opens its
// conversation.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { ConversationRow } from '@/lib/queries/conversations';
import { highlightPattern, searchTerms, splitHighlights } from '@/lib/markdown/highlight';
import { conversationHref, toggleHref } from '@/lib/urls';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ConversationRow>();

const WIDTH: Record<string, string> = {
  timestamp: 'w-32', model: 'w-36', language: 'w-24', place: 'w-36', turns: 'w-14 text-right', marks: 'w-20', preview: '',
};

// A conversation opened from the results keeps the search (for highlighting) and the way back.
const openHref = (params: URLSearchParams, id: string) => conversationHref(id, { q: params.get('q'), back: params.toString() });

/** The snippet around a search's first hit, hits marked; the first message when there is none. */
function Excerpt({ row, pattern }: { row: ConversationRow; pattern: RegExp | null }) {
  if (row.snippet) {
    return <span data-testid="snippet">{splitHighlights(row.snippet, pattern).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</span>;
  }
  return row.preview || <span className="italic text-slate-400">(empty message)</span>;
}

function columns(params: URLSearchParams) {
  const pattern = highlightPattern(searchTerms(params.get('q')));
  const filterLink = (param: string, v: string | null) =>
    v === null ? <span className="text-slate-400">—</span>
      : <Link className="hover:underline" href={toggleHref(params, param, v)} data-filter={param}>{v}</Link>;
  return helper.columns([
    helper.accessor('timestamp', {
      header: 'Time (UTC)',
      cell: (i) => <span className="tabular-nums text-slate-600">{i.getValue()?.slice(0, 16).replace('T', ' ') ?? '—'}</span>,
    }),
    helper.accessor('model', { header: 'Model', cell: (i) => filterLink('model', i.getValue()) }),
    helper.accessor('language', { header: 'Language', cell: (i) => filterLink('language', i.getValue()) }),
    helper.display({
      id: 'place', header: 'Country · state',
      cell: ({ row }) => (
        <span className="block truncate">
          {filterLink('country', row.original.country)}
          {row.original.state && <span className="text-slate-500"> · {filterLink('state', row.original.state)}</span>}
        </span>
      ),
    }),
    helper.accessor('turns', { header: 'Turns', cell: (i) => <span className="tabular-nums">{i.getValue()}</span> }),
    helper.display({
      id: 'marks', header: 'Marks',
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1 text-xs">
          {row.original.toxic && <Link href={toggleHref(params, 'toxic', 'true')} className="rounded bg-rose-100 px-1 text-rose-700">toxic</Link>}
          {row.original.redacted && <Link href={toggleHref(params, 'redacted', 'true')} className="rounded bg-amber-100 px-1 text-amber-800">redacted</Link>}
        </span>
      ),
    }),
    helper.accessor('preview', {
      header: pattern ? 'Match' : 'First message',
      cell: ({ row }) => (
        <Link href={openHref(params, row.original.id)} className="line-clamp-2 text-slate-800 hover:text-indigo-700">
          <Excerpt row={row.original} pattern={pattern} />
        </Link>
      ),
    }),
  ]);
}

export function ResultsTable({ rows, query }: { rows: ConversationRow[]; query: string }) {
  const router = useRouter();
  const cols = useMemo(() => columns(new URLSearchParams(query)), [query]);
  const table = useTable({ features, columns: cols, data: rows, getRowId: (r) => r.id });
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid="results">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} className="border-b border-slate-300 text-left text-xs uppercase tracking-wide text-slate-500">
            {group.headers.map((h) => (
              <th key={h.id} className={`py-2 pr-2 font-semibold ${WIDTH[h.column.id] ?? ''}`}>
                {h.isPlaceholder ? null : <table.FlexRender header={h} />}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-id={row.id}
            className="cursor-pointer border-b border-slate-200 align-top hover:bg-white"
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              router.push(openHref(new URLSearchParams(query), row.original.id));
            }}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={`py-2 pr-2 ${WIDTH[cell.column.id] ?? ''}`}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && (
          <tr><td colSpan={7} className="py-6 text-center text-slate-500">No conversations match these filters.</td></tr>
        )}
      </tbody>
    </table>
  );
}
