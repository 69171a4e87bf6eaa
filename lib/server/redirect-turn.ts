import 'server-only';
import { isTurnIdentifier } from '../ids';
import { escapeHtml } from '../markdown/escape';
import { resolveTurn } from '../queries/turn-lookup';
import { turnPath } from '../urls';
import { handle, json, redirectTo } from './respond';

/** A 404 as JSON for scripts, or as a small page with a way back for a browser following a link. */
function missing(req: Request, error: string): Response {
  if (!(req.headers.get('accept') ?? '').includes('text/html')) return json({ error }, 404);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Wildscope</title></head>
<body style="font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem"><h1>Not found</h1><p>${escapeHtml(error)}.</p>
<p><a href="/">Explore the conversations</a></p></body></html>`;
  return new Response(page, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** 307 to the conversation page anchored at the turn, or 404. */
export function redirectToTurn(req: Request, tid: string): Promise<Response> {
  return handle(async () => {
    if (!isTurnIdentifier(tid)) return missing(req, `not a turn identifier: ${tid.slice(0, 40)}`);
    const t = await resolveTurn(tid);
    if (!t) return missing(req, `no turn ${tid}`);
    return redirectTo(turnPath(t.conversation_id, tid), 307);
  });
}
