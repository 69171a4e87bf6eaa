'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { Term } from '@/lib/lenses/terms';
import { ViewLinks } from '@/lib/urls';

/**
 * "What these conversations talk about": the selection's distinctive terms against the whole
 * dataset, fetched after the page (they take longer than the listing); a term adds itself to the search.
 */
export function TermsPanel({
  query,
  title = 'What these conversations talk about',
  limit = 20,
}: {
  query: string;
  title?: string;
  limit?: number;
}) {
  const [state, setState] = useState<{ query: string; terms?: Term[]; error?: string }>({ query });
  const links = new ViewLinks(query);
  useEffect(() => {
    let live = true;
    fetch(new ViewLinks(query).terms(limit))
      .then(async (r) => {
        const body = (await r.json()) as { terms?: Term[]; error?: string };
        if (!r.ok) throw new Error(body.error ?? `the server answered ${r.status}`);
        if (live) setState({ query, terms: body.terms ?? [] });
      })
      .catch((e: Error) => live && setState({ query, error: e.message }));
    return () => {
      live = false;
    };
  }, [query, limit]);
  const current = state.query === query ? state : { query };
  return (
    <section className="mb-4 text-sm" data-testid="terms-panel" aria-busy={!current.terms && !current.error}>
      <h2 className="mb-1 font-semibold">{title}</h2>
      {current.error ? (
        <p className="text-slate-500">Terms could not be counted: {current.error}</p>
      ) : !current.terms ? (
        <p className="text-slate-500">Counting terms…</p>
      ) : current.terms.length === 0 ? (
        <p className="text-slate-500">No term stands out.</p>
      ) : (
        <ol className="flex flex-wrap gap-1" data-testid="terms">
          {current.terms.map((t) => (
            <li key={t.term}>
              <Link
                href={links.addTerm(t.term)}
                className="inline-block rounded border border-slate-200 px-1.5 py-0.5 hover:border-indigo-400 hover:underline dark:border-slate-700"
                title={`${t.count.toLocaleString('en-US')} of these conversations, ${t.total.toLocaleString('en-US')} compared; z = ${t.z.toFixed(1)}. Add to the search.`}
                data-testid="term"
              >
                {t.term} <span className="text-xs text-slate-500">{t.count.toLocaleString('en-US')}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
