import Link from 'next/link';
import type { Neighbours } from '@/lib/queries/neighbours';
import { conversationHref } from '@/lib/urls';

/** "‹ previous · 12 of 1,204 · next ›" through the results the conversation was opened from. */
export function ResultWalker({ n, q, back }: { n: Neighbours; q: string | null; back: string }) {
  const link = (id: string | null, label: string, rel: string) =>
    id ? (
      <Link href={conversationHref(id, { q, back })} rel={rel} data-testid={`${rel}-result`} className="text-indigo-700 hover:underline">
        {label}
      </Link>
    ) : (
      <span className="text-slate-600">{label}</span>
    );
  return (
    <span className="flex items-center gap-2" data-testid="result-walker">
      {link(n.prev, '‹ previous', 'prev')}
      <span className="tabular-nums text-slate-600">
        {n.position.toLocaleString('en-US')} of {n.total.toLocaleString('en-US')}
      </span>
      {link(n.next, 'next ›', 'next')}
    </span>
  );
}
