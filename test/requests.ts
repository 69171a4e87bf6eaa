// Calling a route handler as Next.js would: a request for a path, and the answer's status, headers
// and body, for the tests of routes (app/api/**/route.ts).
import { NextRequest } from 'next/server';

export type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A request for `path` (with its query string) on the test host. */
export const request = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  new NextRequest(`http://127.0.0.1${path}`, init);

/** The handler's Response to `path`, with the route's dynamic `params`. */
export function send(
  h: Handler,
  path: string,
  params: Record<string, string> = {},
  init?: ConstructorParameters<typeof NextRequest>[1],
): Promise<Response> {
  return h(request(path, init), { params: Promise.resolve(params) });
}

export interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  /** The body parsed, when it is JSON (JSON.parse's own type: the tests index it freely). */
  body: ReturnType<typeof JSON.parse>;
}

/** The whole answer to `path`. */
export async function call(h: Handler, path: string, params: Record<string, string> = {}): Promise<Answer> {
  const res = await send(h, path, params);
  const text = await res.text();
  const type = res.headers.get('content-type');
  return {
    status: res.status,
    type,
    headers: res.headers,
    text,
    body: type?.startsWith('application/json') ? JSON.parse(text) : undefined,
  };
}
