import 'server-only';
import { isTurnIdentifier } from '../ids';
import { chosenDataset } from '../queries/datasets';
import { resolveTurn } from '../queries/turn-lookup';
import { turnHref } from '../urls';
import { handle, json, redirectTo } from './respond';

/** A 404 for scripts; a browser's request is answered by the app's 404 page instead (proxy.ts, app/turn/[tid]). */
const missing = (error: string): Response => json({ error }, 404);

/** 307 to the conversation page anchored at the turn (in the dataset `?dataset=` picks), or 404. */
export function redirectToTurn(tid: string, sp = new URLSearchParams()): Promise<Response> {
  return handle(async () => {
    if (!isTurnIdentifier(tid)) return missing(`not a turn identifier: ${tid.slice(0, 40)}`);
    const { dataset, error } = await chosenDataset(sp);
    if (error) return json({ error }, 400);
    const t = await resolveTurn(tid, dataset);
    if (!t) return missing(`no turn ${tid}${dataset ? ` in ${dataset}` : ''}`);
    return redirectTo(turnHref(t.conversation_id, tid, new URLSearchParams(dataset ? { dataset } : {})), 307);
  });
}
