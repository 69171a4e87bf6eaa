import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { ConversationHeader } from '@/components/conversation/conversation-header';
import { LaterMessages } from '@/components/conversation/later-messages';
import { MatchNav } from '@/components/conversation/match-nav';
import { MessageCard } from '@/components/conversation/message-card';
import { ResultWalker } from '@/components/conversation/result-walker';
import { TurnFocus } from '@/components/conversation/turn-focus';
import { previewDescription } from '@/lib/conversation/format';
import { turnInfos } from '@/lib/conversation/turns';
import { isConversationId, isTurnIdentifier } from '@/lib/ids';
import { highlightPattern } from '@/lib/markdown/highlight';
import { ParamError, parseParams } from '@/lib/filters/schema';
import { getConversationHead } from '@/lib/queries/conversation-read';
import { chosenDataset, datasets } from '@/lib/queries/datasets';
import { resolveTurn } from '@/lib/queries/turn-lookup';
import { neighbours, type Neighbours } from '@/lib/queries/neighbours';
import { highlightWords, QueryError } from '@/lib/search/query';
import { resultsHref, searchParamsOf, turnHref } from '@/lib/urls';

export const dynamic = 'force-dynamic';
/** Messages rendered on the server; the rest of a long conversation is rendered in the browser as needed. */
const HEAD_MESSAGES = 60;
type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// generateMetadata and the page ask for the same conversation; cache() makes that one query.
const load = cache(async (id: string, dataset: string | undefined) =>
  isConversationId(id) ? getConversationHead(id, HEAD_MESSAGES, dataset) : undefined,
);

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The dataset `?dataset=` names, when it is one the index serves (another is answered as not found). */
async function pick(sp: Record<string, string | string[] | undefined>): Promise<{ dataset?: string; error?: string }> {
  const v = first(sp.dataset);
  return v ? chosenDataset(new URLSearchParams({ dataset: v })) : {};
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { dataset, error } = await pick(await searchParams);
  const c = error ? undefined : await load((await params).id, dataset);
  if (!c) return { title: 'Not found' };
  const title = `Conversation ${c.id}`;
  const description = previewDescription(c.messages) ?? c.preview?.slice(0, 200) ?? undefined;
  return { title, description, openGraph: { title, description, type: 'article' }, twitter: { card: 'summary', title, description } };
}

/** The neighbours in the results named by `back` (an explore query string); none if it does not parse. */
async function walkFrom(back: string | undefined, id: string): Promise<Neighbours | undefined> {
  if (back === undefined) return undefined;
  try {
    const { filter, listing } = parseParams(new URLSearchParams(back));
    return await neighbours(filter, listing.sort, id);
  } catch (e) {
    if (e instanceof ParamError || e instanceof QueryError) return undefined;
    throw e;
  }
}

export default async function ConversationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const [{ dataset, error }, parts] = await Promise.all([pick(sp), datasets()]);
  if (error) notFound();
  const c = await load(id, dataset);
  if (!c) {
    // A turn identifier pasted from the dataset names a later turn of some conversation: go there.
    const turn = isTurnIdentifier(id) ? await resolveTurn(id, dataset) : undefined;
    if (turn) redirect(turnHref(turn.conversation_id, turn.turn_identifier, searchParamsOf(sp)));
    notFound();
  }
  const q = first(sp.q) ?? null;
  const terms = highlightWords(q);
  const pattern = highlightPattern(terms);
  const back = resultsHref(first(sp.back), q);
  const walk = await walkFrom(first(sp.back), c.id);
  const turns = turnInfos([...c.messages, ...c.later]);
  const showDetoxify = c.messages.some((m) => m.moderation.detoxify !== null);
  // An id several datasets hold: turn links and later fetches name the one shown.
  const pinned = c.also_in.length > 0 ? c.dataset : undefined;
  return (
    <article>
      <TurnFocus />
      <nav className="mb-3 flex items-center gap-4 text-sm">
        {back ? (
          <Link href={back} className="text-indigo-700 hover:underline" data-testid="back-to-results">
            ← back to results
          </Link>
        ) : (
          <Link href="/" className="text-indigo-700 hover:underline">
            ← explore
          </Link>
        )}
        {walk && <ResultWalker n={walk} q={q} back={first(sp.back)!} />}
        {terms.length > 0 && (
          <span className="text-slate-500">
            highlighting:{' '}
            {terms.map((t) => (
              <mark key={t} className="mx-0.5">
                {t}
              </mark>
            ))}
          </span>
        )}
        <MatchNav searching={terms.length > 0} more={c.later.length > 0} turnCount={c.turns} />
      </nav>
      <ConversationHeader c={c} several={parts.length > 1} />
      <ol className="space-y-3" data-testid="messages">
        {c.messages.map((m, i) => (
          <MessageCard
            key={i}
            conversationId={c.id}
            dataset={pinned}
            message={m}
            turn={turns[i]!}
            pattern={pattern}
            terms={terms}
            showDetoxify={showDetoxify}
            position={i}
          />
        ))}
        {c.later.length > 0 && (
          <LaterMessages
            conversationId={c.id}
            dataset={pinned}
            start={HEAD_MESSAGES}
            total={HEAD_MESSAGES + c.later.length}
            terms={terms}
            showDetoxify={showDetoxify}
            anchors={turns
              .slice(HEAD_MESSAGES)
              .filter((t) => t.first)
              .map((t) => t.key)}
          />
        )}
      </ol>
    </article>
  );
}
