import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isConversationId } from '@/lib/ids';
import { getConversation } from '@/lib/queries/conversations';
import { turnAnchor } from '@/lib/urls';

export const dynamic = 'force-dynamic';
type Params = Promise<{ id: string }>;

async function load(id: string) {
  return isConversationId(id) ? getConversation(id) : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const c = await load((await params).id);
  return c ? { title: `Conversation ${c.id}`, description: c.preview?.slice(0, 200) ?? undefined } : { title: 'Not found' };
}

export default async function ConversationPage({ params }: { params: Params }) {
  const c = await load((await params).id);
  if (!c) notFound();
  const seen = new Set<string>();
  return (
    <article>
      <header className="mb-4 rounded border border-slate-200 bg-white p-4 text-sm">
        <h1 className="mb-2 text-lg font-semibold">Conversation {c.id}</h1>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">Model</dt><dd>{c.model}</dd>
          <dt className="text-slate-500">Last turn</dt><dd>{c.timestamp}</dd>
          <dt className="text-slate-500">Place</dt><dd>{[c.country, c.state].filter(Boolean).join(' · ') || '—'}</dd>
          <dt className="text-slate-500">Language</dt><dd>{c.language}</dd>
          {c.hashed_ip && <><dt className="text-slate-500">User</dt><dd><Link className="text-indigo-700 underline" href={`/?hashed_ip=${c.hashed_ip}`}>{c.hashed_ip.slice(0, 16)}…</Link></dd></>}
        </dl>
      </header>
      <ol className="space-y-3">
        {c.messages.map((m, i) => {
          const anchor = m.turn_identifier && !seen.has(m.turn_identifier) ? turnAnchor(m.turn_identifier) : m.turn_identifier ? undefined : turnAnchor(String(Math.floor(i / 2) + 1));
          if (m.turn_identifier) seen.add(m.turn_identifier);
          return (
            <li key={i} id={anchor} className={`scroll-mt-4 rounded border p-3 target:ring-2 target:ring-amber-400 ${m.role === 'user' ? 'border-sky-200 bg-sky-50' : 'border-slate-200 bg-white'}`}>
              <div className="mb-1 flex gap-2 text-xs text-slate-500">
                <span className="font-semibold uppercase">{m.role}</span>
                {m.language && <span>{m.language}</span>}
                {m.timestamp && <span>{m.timestamp}</span>}
                {m.moderation.flagged && <span className="rounded bg-rose-100 px-1 text-rose-700">flagged</span>}
                {!m.moderation.openai && <span className="italic">not scored</span>}
              </div>
              <pre className="whitespace-pre-wrap break-words font-sans text-sm">{m.content}</pre>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
