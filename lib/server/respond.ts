import 'server-only';
// One place that turns errors into HTTP answers: a clear 4xx for what the client sent, 503 for a
// missing index or a query past its deadline, and a bare 500 (details only in the server log).
import { ParamError } from '../filters/schema';
import { QueryError } from '../search/query';
import { NoMapError } from '../queries/map';
import { DeadlineError, NoIndexError } from './index-db';

export const json = (body: unknown, status = 200, headers?: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });

/**
 * A binary answer. With an `etag`, the browser keeps it and asks again with If-None-Match, which
 * gets a 304 while the index is the same build.
 */
export function binary(req: Request, bytes: Uint8Array, { etag, headers = {} }: { etag?: string; headers?: Record<string, string> } = {}) {
  const h: Record<string, string> = { 'content-type': 'application/octet-stream', 'cache-control': 'no-cache', ...headers };
  if (etag) {
    h.etag = etag;
    const asked = req.headers.get('if-none-match');
    if (asked && asked.split(',').some((t) => t.trim() === etag || t.trim() === '*'))
      return new Response(null, { status: 304, headers: h });
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...h, 'content-length': String(bytes.byteLength) } });
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ParamError) return json({ error: e.message, parameter: e.param }, 400);
  if (e instanceof QueryError) return json({ error: e.message, parameter: 'q' }, 400);
  if (e instanceof DeadlineError) return json({ error: e.message }, 503);
  if (e instanceof NoIndexError) return json({ error: 'the index is not ready yet' }, 503);
  if (e instanceof NoMapError) return json({ error: e.message }, 404);
  console.error('request failed:', e);
  return json({ error: 'internal error' }, 500);
}

/** What a page shows instead of crashing when the index is busy or missing; undefined for other errors. */
export function pageNotice(e: unknown): string | undefined {
  if (e instanceof DeadlineError) return `${e.message}. Narrow the filters or the search (rarer words, fewer frequent ones) and try again.`;
  if (e instanceof NoIndexError) return 'The index is not ready yet; it is being built. Try again in a moment.';
  return undefined;
}

export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * A redirect to a path of this app. The Location is relative, so the reader stays on the host they
 * asked for (a proxy's or a shared server's name), never the address the server listens on.
 */
export function redirectTo(path: string, status: 307 | 308): Response {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`not a path of this app: ${path}`);
  return new Response(null, { status, headers: { location: path } });
}
