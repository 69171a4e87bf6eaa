// The Content-Security-Policy: every page hydrates under it with no violation, its scripts carry
// the request's nonce, an injected inline script is blocked, and API answers carry the headers too.
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { hydrated } from './hydrated';

const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

/** Collects CSP violations and console errors from the moment the page starts loading. */
async function watch(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { errors, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

async function pages(request: import('@playwright/test').APIRequestContext) {
  const id = (await (await request.get('/api/conversations?limit=1')).json()).rows[0].id as string;
  const list = ['/', '/?language=English&sort=turns', `/c/${id}`, '/no-such-page'];
  if (existsSync('app/charts/page.tsx')) list.push('/charts');
  return list;
}

test('every page hydrates under the policy with no violation', async ({ page, request }) => {
  for (const path of await pages(request)) {
    const w = await watch(page);
    const res = await page.goto(path);
    const csp = res!.headers()['content-security-policy'];
    expect(csp, path).toBeDefined();
    const nonce = nonceOf(csp!);
    expect(nonce, csp).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "img-src 'self' data: blob:"])
      expect(csp).toContain(d);
    // Every script the server wrote carries this response's nonce.
    const scripts = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const s of scripts) expect(s, path).toContain(`nonce="${nonce}"`);
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    expect(await w.violations(), path).toEqual([]);
    expect(
      w.errors.filter((e) => /Content Security Policy|Refused to/.test(e)),
      path,
    ).toEqual([]);
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
  }
});

test('a fresh nonce on every request', async ({ request }) => {
  const a = nonceOf((await request.get('/')).headers()['content-security-policy']!);
  const b = nonceOf((await request.get('/')).headers()['content-security-policy']!);
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test('an inline script injected into a page is blocked and reported', async ({ page }) => {
  await page.route('/', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace('</main>', '<script>window.__injected = 1</script></main>');
    await route.fulfill({ response: res, body });
  });
  const w = await watch(page);
  await page.goto('/');
  await hydrated(page);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  expect((await w.violations()).some((v) => v.startsWith('script-src'))).toBe(true);
});

test('API answers and static files carry the security headers', async ({ request }) => {
  for (const path of ['/api/health', '/api/conversations?limit=1', '/api/conversations?limit=-1', '/api/facets', '/api/conversations/1']) {
    const h = (await request.get(path)).headers();
    expect(h['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['x-frame-options']).toBe('DENY');
  }
  const page = await request.get('/');
  for (const k of ['x-content-type-options', 'referrer-policy', 'x-frame-options']) expect(page.headers()[k], k).toBeTruthy();
  expect(page.headers()['x-powered-by']).toBeUndefined();
});

test('a route a server process answers itself carries the headers of one Next.js answers', async ({ request }) => {
  // lib/server/next-process.mjs answers a conversation by id itself; a turn goes through Next.js.
  const headers = async (path: string) => {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBe(404);
    // How the body is framed (a length or chunks) and the date may differ.
    const h = r.headers();
    expect(h.date).toBeTruthy();
    for (const k of ['date', 'content-length', 'transfer-encoding']) delete h[k];
    return h;
  };
  expect(await headers('/api/conversations/1')).toEqual(await headers('/api/turns/1'));
});
