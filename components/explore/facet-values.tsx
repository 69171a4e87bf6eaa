'use client';
// A facet's values: the top few, "more" for the rest, and a filter box when the list is long.
import Link from 'next/link';
import { useState } from 'react';

export interface FacetItem {
  value: string | null;
  label: string;
  count: number;
  href?: string;
  notHref?: string;
  selected: boolean;
  excluded: boolean;
}

export function FacetValues({ items, limit, title }: { items: FacetItem[]; limit: number; title: string }) {
  const [open, setOpen] = useState(false);
  const [needle, setNeedle] = useState('');
  const matching = needle ? items.filter((i) => i.label.toLowerCase().includes(needle.toLowerCase())) : items;
  // Chosen values stay visible even when they are not among the top ones.
  const shown = open || needle ? matching : matching.filter((i, n) => n < limit || i.selected || i.excluded);
  return (
    <>
      {items.length > 12 && open && (
        <input
          value={needle}
          onChange={(e) => setNeedle(e.target.value)}
          placeholder="filter…"
          aria-label={`Filter ${title}`}
          className="mb-1 w-full rounded border border-slate-300 px-2 py-0.5 text-sm"
        />
      )}
      <ul className="space-y-0.5 text-sm">
        {shown.map((i) => (
          <li key={String(i.value)} className="group flex items-center justify-between gap-2">
            {i.href ? (
              <Link
                href={i.href}
                data-value={i.value ?? undefined}
                aria-current={i.selected ? 'true' : undefined}
                className={`truncate hover:underline ${i.selected ? 'font-semibold text-indigo-700' : ''} ${i.excluded ? 'text-slate-500 line-through' : ''}`}
              >
                {i.label}
              </Link>
            ) : (
              <span className="italic text-slate-500">{i.label}</span>
            )}
            <span className="flex items-center gap-1 tabular-nums text-slate-500">
              {i.notHref && (
                <Link
                  href={i.notHref}
                  title={`exclude ${i.label}`}
                  data-not={i.value ?? undefined}
                  className={`text-xs text-rose-600 ${i.excluded ? '' : 'invisible group-hover:visible group-focus-within:visible'}`}
                >
                  not
                </Link>
              )}
              <span data-count>{i.count.toLocaleString('en-US')}</span>
            </span>
          </li>
        ))}
        {items.length === 0 && <li className="text-slate-500">none</li>}
      </ul>
      {items.length > limit && !needle && (
        <button type="button" onClick={() => setOpen(!open)} className="mt-0.5 text-xs text-indigo-700 hover:underline">
          {open ? 'fewer' : `more (${items.length - limit})`}
        </button>
      )}
    </>
  );
}
