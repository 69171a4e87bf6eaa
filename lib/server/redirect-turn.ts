import 'server-only';
import { isTurnIdentifier } from '../ids';
import { resolveTurn } from '../queries/conversations';
import { turnPath } from '../urls';
import { handle, json } from './respond';

/** 307 to the conversation page anchored at the turn, or 404. */
export function redirectToTurn(req: Request, tid: string): Promise<Response> {
  return handle(async () => {
    if (!isTurnIdentifier(tid)) return json({ error: `not a turn identifier: ${tid.slice(0, 40)}` }, 404);
    const t = await resolveTurn(tid);
    if (!t) return json({ error: `no turn ${tid}` }, 404);
    return Response.redirect(new URL(turnPath(t.conversation_id, tid), req.url), 307);
  });
}
