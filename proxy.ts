// Every request but static files and API paths without a percent-escape passes here. A path whose percent-escapes are not UTF-8 is refused
// with a 400 (Next.js would fail decoding it into route parameters with a 500). Pages get a
// Content-Security-Policy with a fresh nonce: Next.js reads the nonce from the request's policy and
// puts it on its own scripts, so only they run. Inline style attributes stay allowed (React and the
// charts set them; a nonce cannot cover attributes, and 'unsafe-inline' is ignored once a nonce is
// listed, hence none for styles). No upgrade-insecure-requests: the app is served over plain HTTP on
// a local or shared host. API answers get a fixed policy in next.config.js.
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Pages whose scripts compile code at run time: the topic map's WebGL library (regl) builds its draw
 * calls with `Function`, which no nonce covers. Only there is 'unsafe-eval' allowed.
 */
const EVAL_PAGES = ['/map'];
export const needsEval = (path: string) => EVAL_PAGES.includes(path);

export function contentSecurityPolicy(nonce: string, dev: boolean, evaluates = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev || evaluates ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Workers from our own scripts only (the map builds its spatial index in one). Without it,
    // workers fall back to script-src, where 'strict-dynamic' lets a trusted script start a worker
    // from any address, blob: and other origins included.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Turn links (ours and WildVis's): a browser's request is answered by the page app/turn/[tid], styled as the app. */
const TURN_LINK = /^\/(?:t|conversation|conversation\/wildchat)\/([^/]+)$/;
const turnLinkOf = (path: string): string | undefined => {
  const tid = TURN_LINK.exec(path)?.[1];
  return tid === undefined || tid === 'wildchat' || tid === 'lmsyschat' ? undefined : tid;
};

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (!decodable(path)) {
    const error = 'the address has a percent-escape that is not valid UTF-8';
    return path.startsWith('/api/')
      ? NextResponse.json({ error, parameter: 'path' }, { status: 400 })
      : new NextResponse(`Bad request: ${error}.\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (path.startsWith('/api/')) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development', needsEval(path));
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const tid = (request.headers.get('accept') ?? '').includes('text/html') ? turnLinkOf(path) : undefined;
  const response =
    tid === undefined
      ? NextResponse.next({ request: { headers } })
      : NextResponse.rewrite(new URL(`/turn/${tid}${request.nextUrl.search}`, request.url), { request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // An API path with no percent-escape has nothing to refuse and gets no page policy: it skips the
  // proxy, and the Next.js round trip into it that every request paid.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/[^%]*$).*)'],
};
