import { notFound, redirect } from 'next/navigation';
import { resolveTurn } from '@/lib/queries/turn-lookup';
import { chosenDataset } from '@/lib/queries/datasets';
import { searchParamsOf, turnPath } from '@/lib/urls';

// Where a browser following a turn link lands (/t/<tid>, WildVis's /conversation/wildchat/<tid>:
// proxy.ts rewrites those here for HTML requests): the conversation at that turn, or the app's own
// 404 page. Scripts asking for JSON keep the route handlers' answers.
export default async function TurnLink({
  params,
  searchParams,
}: {
  params: Promise<{ tid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ tid }, sp] = await Promise.all([params, searchParams]);
  const { dataset, error } = await chosenDataset(searchParamsOf(sp));
  if (error) notFound();
  const t = await resolveTurn(tid, dataset);
  if (!t) notFound();
  redirect(turnPath(t.conversation_id, tid, dataset));
}
