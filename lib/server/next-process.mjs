// One server process of `npm start` (processes.ts forks it: node next-process.mjs PORT HOST): Next.js's
// request handler behind a plain Node server, as `next start` serves it, except that a GET of one of
// the DIRECT routes below is handed straight to that route's own GET, from the module Next.js
// loads (the same copy, so the same open index). Next.js's pipeline around a route handler (routing,
// tracing, the request's stores, piping the Response through web streams) cost 2-3 ms of the one
// JavaScript thread per request, as much as the index's work for health or a conversation. The answer
// is the handler's, with the headers Next.js gives it: next.config.js's for the path, then `vary`.
// Anything else, or a path with a percent-escape (proxy.ts judges those), goes to Next.js.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import next from 'next';
import {
  NEXT_ROUTER_PREFETCH_HEADER,
  NEXT_ROUTER_SEGMENT_PREFETCH_HEADER,
  NEXT_ROUTER_STATE_TREE_HEADER,
  RSC_HEADER,
} from 'next/dist/client/components/app-router-headers.js';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match.js';
import nextConfig from '../../next.config.js';

/** The routes every search, the first page, a conversation and health requests go through: app route (its folder under app/) by path. */
const DIRECT = [
  { path: /^\/api\/health$/, route: 'api/health' },
  { path: /^\/api\/conversations$/, route: 'api/conversations' },
  { path: /^\/api\/facets$/, route: 'api/facets' },
  { path: /^\/api\/conversations\/([^/%]+)$/, route: 'api/conversations/[id]', param: 'id' },
];

/** What Next.js adds to an app route's answer (base-server.ts, setVaryHeader; no route here is intercepted). */
const VARY = `${RSC_HEADER}, ${NEXT_ROUTER_STATE_TREE_HEADER}, ${NEXT_ROUTER_PREFETCH_HEADER}, ${NEXT_ROUTER_SEGMENT_PREFETCH_HEADER}`;

const [port, host] = [Number(process.argv[2]), process.argv[3]];
const dir = process.cwd();
const app = next({ dev: false, dir, hostname: host, port });
const nextHandler = app.getRequestHandler();
const headerRules = (await nextConfig.headers()).map((r) => ({ match: getPathMatch(r.source), headers: r.headers }));
const require = createRequire(import.meta.url);
/** @type {Map<string, Promise<(req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>>} */
const handlers = new Map();

function handlerOf(route) {
  let h = handlers.get(route);
  if (!h) {
    const mod = require(join(dir, '.next/server/app', route, 'route.js'));
    h = Promise.resolve(mod.routeModule.userland).then((u) => u.GET);
    handlers.set(route, h);
  }
  return h;
}

/** The DIRECT route of a request and its parameters, or undefined for Next.js to answer. */
function directOf(req) {
  if (req.method !== 'GET') return undefined;
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  for (const d of DIRECT) {
    const m = d.path.exec(path);
    if (m) return { route: d.route, path, params: d.param ? { [d.param]: m[1] } : {} };
  }
  return undefined;
}

async function answerDirect(req, res, d) {
  const GET = await handlerOf(d.route);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  let response;
  try {
    response = await GET(new NextRequest(`http://${req.headers.host ?? `${host}:${port}`}${req.url}`, { headers }), {
      params: Promise.resolve(d.params),
    });
  } catch (e) {
    // As Next.js answers a route handler that throws (ours catch their errors: respond.ts).
    console.error(`request failed: ${d.path}`, e);
    response = new Response(null, { status: 500 });
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const rule of headerRules) if (rule.match(d.path)) for (const h of rule.headers) res.setHeader(h.key, h.value);
  res.setHeader('vary', VARY);
  response.headers.forEach((v, k) => res.setHeader(k, v));
  res.end(body);
}

const server = createServer((req, res) => {
  const d = directOf(req);
  const answered = d ? answerDirect(req, res, d) : nextHandler(req, res);
  answered.catch((e) => {
    console.error(`Failed to handle request for ${req.url}`, e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
await app.prepare();
// Only once Next.js has set up its request stores (next/server needs them as it loads).
const { NextRequest } = await import('next/server.js');
server.listen(port, host, () => console.log(`✓ Ready on http://${host}:${port}`));

// As `next start`: stop taking connections, finish the requests, exit with 128 + the signal's number.
let stopping = false;
for (const [signal, code] of /** @type {const} */ ([
  ['SIGINT', 130],
  ['SIGTERM', 143],
])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
  });
}
