import Link from 'next/link';
import { paging } from '@/lib/paging';
import type { ViewLinks } from '@/lib/urls';

/** First/previous, page numbers, next/last; exact offsets, no cap. */
export function Pager({ links, total, limit, offset }: { links: ViewLinks; total: number; limit: number; offset: number }) {
  const p = paging(total, limit, offset);
  if (p.pages <= 1) return null;
  const at = (o: number) => links.page(o);
  const link = 'rounded px-2 py-0.5 text-indigo-700 hover:bg-indigo-50';
  const off = 'rounded px-2 py-0.5 text-slate-500';
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center gap-1 text-sm" data-testid="pager">
      {p.prev !== null ? (
        <Link className={link} href={at(0)}>
          « first
        </Link>
      ) : (
        <span className={off}>« first</span>
      )}
      {p.prev !== null ? (
        <Link className={link} href={at(p.prev)} rel="prev">
          ‹ previous
        </Link>
      ) : (
        <span className={off}>‹ previous</span>
      )}
      {p.window.map((n, i) =>
        n === null ? (
          <span key={`gap${i}`} className="px-1 text-slate-500">
            …
          </span>
        ) : n === p.page ? (
          <span key={n} aria-current="page" className="rounded bg-indigo-600 px-2 py-0.5 text-white">
            {n.toLocaleString('en-US')}
          </span>
        ) : (
          <Link key={n} className={link} href={at((n - 1) * limit)}>
            {n.toLocaleString('en-US')}
          </Link>
        ),
      )}
      {p.next !== null ? (
        <Link className={link} href={at(p.next)} rel="next">
          next ›
        </Link>
      ) : (
        <span className={off}>next ›</span>
      )}
      {p.next !== null ? (
        <Link className={link} href={at(p.lastOffset)}>
          last »
        </Link>
      ) : (
        <span className={off}>last »</span>
      )}
    </nav>
  );
}
