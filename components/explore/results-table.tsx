'use client';
// The results as a TanStack table (v9, core features only: sorting and paging happen on the
// server through the URL). Every metadata value links to the filter it names; a row opens its
// conversation.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { ConversationRow } from '@/lib/queries/row-columns';
import { highlightPattern, splitHighlights } from '@/lib/markdown/highlight';
import { FIELDS, type ValueDef } from '@/lib/filters/fields';
import { ViewLinks } from '@/lib/urls';
import { isTyping } from '@/components/common/keyboard-shortcuts';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ConversationRow>();

const WIDTH: Record<string, string> = {
  dataset: 'w-24',
  timestamp: 'w-32',
  model: 'w-36',
  language: 'w-24',
  place: 'w-36',
  turns: 'w-14 text-right',
  marks: 'w-20',
  preview: '',
};

/** The snippet around a search's first hit, hits marked; the first message when there is none. */
function Excerpt({ row, pattern }: { row: ConversationRow; pattern: RegExp | null }) {
  if (row.snippet) {
    return (
      <span data-testid="snippet">
        {splitHighlights(row.snippet, pattern).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}
      </span>
    );
  }
  return row.preview || <span className="italic text-slate-500">(empty message)</span>;
}

/** `several`: the index serves several datasets: each row names its own, and opens from it. */
function columns(links: ViewLinks, terms: readonly string[], several: boolean) {
  const pattern = highlightPattern(terms);
  const filterLink = (def: ValueDef, v: string | null) =>
    v === null ? (
      <span className="text-slate-500">—</span>
    ) : (
      <Link className="hover:underline" href={links.toggle(def.key, v)} data-filter={def.key}>
        {v}
      </Link>
    );
  return helper.columns([
    ...(several ? [helper.accessor('dataset', { header: 'Dataset', cell: (i) => filterLink(FIELDS.dataset, i.getValue()) })] : []),
    helper.accessor('timestamp', {
      header: 'Time (UTC)',
      cell: (i) => <span className="tabular-nums text-slate-600">{i.getValue()?.slice(0, 16).replace('T', ' ') ?? '—'}</span>,
    }),
    helper.accessor('model', { header: 'Model', cell: (i) => filterLink(FIELDS.model, i.getValue()) }),
    helper.accessor('language', { header: 'Language', cell: (i) => filterLink(FIELDS.language, i.getValue()) }),
    helper.display({
      id: 'place',
      header: 'Country · state',
      cell: ({ row }) => (
        <span className="block truncate">
          {filterLink(FIELDS.country, row.original.country)}
          {row.original.state && <span className="text-slate-500"> · {filterLink(FIELDS.state, row.original.state)}</span>}
        </span>
      ),
    }),
    helper.accessor('turns', { header: 'Turns', cell: (i) => <span className="tabular-nums">{i.getValue()}</span> }),
    helper.display({
      id: 'marks',
      header: 'Marks',
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1 text-xs">
          {row.original.toxic && (
            <Link href={links.choose(FIELDS.toxic.key, 'true')} className="rounded bg-rose-100 px-1 text-rose-700">
              toxic
            </Link>
          )}
          {row.original.redacted && (
            <Link href={links.choose(FIELDS.redacted.key, 'true')} className="rounded bg-amber-100 px-1 text-amber-800">
              redacted
            </Link>
          )}
        </span>
      ),
    }),
    helper.accessor('preview', {
      header: pattern ? 'Match' : 'First message',
      cell: ({ row }) => (
        <Link
          href={links.conversation(row.original.id, several ? row.original.dataset : null)}
          data-open
          className="line-clamp-2 text-slate-800 hover:text-indigo-700"
        >
          <Excerpt row={row.original} pattern={pattern} />
        </Link>
      ),
    }),
  ]);
}

/** `terms`: the search's words to highlight (the parsed search's, lib/search/query.ts). */
export function ResultsTable({
  rows,
  query,
  terms,
  several = false,
}: {
  rows: ConversationRow[];
  query: string;
  terms: string[];
  several?: boolean;
}) {
  const router = useRouter();
  const cols = useMemo(() => columns(new ViewLinks(query), terms, several), [query, terms, several]);
  const table = useTable({ features, columns: cols, data: rows, getRowId: (r) => r.id });
  // j/k move through the results, focusing each one's link to its conversation (Enter opens it).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'j' && e.key !== 'k') || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="results"] [data-open]')];
      if (!links.length) return;
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = e.key === 'j' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
      links[next]!.focus();
      links[next]!.scrollIntoView({ block: 'nearest' });
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    // Below md the rows are cards: every cell a line, the first message last and in full width.
    <table className="w-full table-fixed border-collapse text-sm max-md:block" data-testid="results">
      <thead className="max-md:hidden">
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
      <tbody className="max-md:block max-md:space-y-2">
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            data-id={row.id}
            className="cursor-pointer border-b border-slate-200 align-top hover:bg-white max-md:flex max-md:flex-wrap max-md:gap-x-3 max-md:rounded max-md:border max-md:bg-white max-md:p-2"
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              router.push(new ViewLinks(query).conversation(row.original.id, several ? row.original.dataset : null));
            }}
          >
            {row.getAllCells().map((cell) => (
              <td
                key={cell.id}
                className={`py-2 pr-2 max-md:w-auto max-md:py-0.5 ${cell.column.id === 'preview' ? 'max-md:order-first max-md:basis-full' : ''} ${WIDTH[cell.column.id] ?? ''}`}
              >
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && (
          <tr className="max-md:block">
            <td colSpan={7} className="max-md:block py-6 text-center text-slate-500">
              No conversations match these filters.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
