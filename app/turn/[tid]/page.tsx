import { notFound, redirect } from 'next/navigation';
import { resolveTurn } from '@/lib/queries/turn-lookup';
import { turnPath } from '@/lib/urls';

// Where a browser following a turn link lands (/t/<tid>, WildVis's /conversation/wildchat/<tid>:
// proxy.ts rewrites those here for HTML requests): the conversation at that turn, or the app's own
// 404 page. Scripts asking for JSON keep the route handlers' answers.
export default async function TurnLink({ params }: { params: Promise<{ tid: string }> }) {
  const { tid } = await params;
  const t = await resolveTurn(tid);
  if (!t) notFound();
  redirect(turnPath(t.conversation_id, tid));
}
