import 'server-only';
import { isTurnIdentifier } from '../ids';
import { resolveTurn } from '../queries/turn-lookup';
import { turnPath } from '../urls';
import { handle, json, redirectTo } from './respond';

/** A 404 for scripts; a browser's request is answered by the app's 404 page instead (proxy.ts, app/turn/[tid]). */
const missing = (error: string): Response => json({ error }, 404);

/** 307 to the conversation page anchored at the turn, or 404. */
export function redirectToTurn(tid: string): Promise<Response> {
  return handle(async () => {
    if (!isTurnIdentifier(tid)) return missing(`not a turn identifier: ${tid.slice(0, 40)}`);
    const t = await resolveTurn(tid);
    if (!t) return missing(`no turn ${tid}`);
    return redirectTo(turnPath(t.conversation_id, tid), 307);
  });
}
