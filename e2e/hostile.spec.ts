// Hostile addresses on the pages: never a 500, never a stack trace or a local path, a readable
// notice for what cannot be shown, and values from the address rendered as text, never run.
import { expect, test, type Page } from '@playwright/test';

const PWN = 'window.__pwned=1';
const LEAKS = [/\bat (async )?[\w$.<>[\] ]+ \(?[^)\s]*:\d+:\d+\)?/, /node:internal/, /\/work\/main/, /e2e-index/, /index\.duckdb/];

/** Explore queries the server must refuse with a notice naming the parameter. */
const REFUSED: [string, string][] = [
  ['limit=-5', 'limit'],
  ['limit=NaN', 'limit'],
  ['offset=1e309', 'offset'],
  ['limit=99999999999999999999', 'limit'],
  ['from=2023-02-30', 'from'],
  ['to=%2B275760-09-13', 'to'],
  ['from=9999-12-31T23:59:60Z', 'from'],
  ['sort=newest&sort=oldest', 'sort'],
  ['turns_min=5&turns_max=2', 'turns_min'],
  ['min_sexual=2', 'min_sexual'],
  ['wat=1', 'wat'],
  ['..%2F..%2Fetc%2Fpasswd=1', 'passwd'],
  ['toxic=%00', 'toxic'],
  ['role=%3Cscript%3E', 'role'],
  [`q=${'a'.repeat(1200)}`, 'q'],
  [`language=${'x'.repeat(3000)}`, 'language'],
  ['q=%22%22', 'q'],
  ['q=%FF%FE', 'q'],
  ['flagged=%27%20OR%201%3D1', 'flagged'],
];

/** Explore queries that are odd but valid: a page of results (often none), with the values shown as text. */
const SERVED = [
  `language=${encodeURIComponent("' OR 1=1 --")}`,
  `country=${encodeURIComponent("English' OR '1'='1")}`,
  `q=${encodeURIComponent(`<img src=x onerror="${PWN}">`)}`,
  `language=${encodeURIComponent(`<script>${PWN}</script>`)}`,
  `hashed_ip=${encodeURIComponent(`"><svg onload=${PWN}>`)}`,
  'language=%C3%28',
  'q=%zz',
  'model=%ED%A0%80',
  'language=..%2F..%2F..%2Fetc%2Fpasswd',
  'state=%0D%0ASet-Cookie:%20x=1',
  'q=%E2%80%AEevil',
  'language=',
];

const IDS = [
  '1',
  'abc',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '%00',
  '9'.repeat(500),
  '99999999999999999999',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "1'%20OR%201=1%20--",
  '-1',
  '1e10',
  'NaN',
];
/** Percent-escapes that are not UTF-8: refused before routing, with a 400. */
const BAD_ESCAPES = ['%FF', '%E0%80%AF', '%C3%28', '%ED%A0%80'];

function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

async function expectNoLeak(page: Page) {
  const html = await page.content();
  for (const leak of LEAKS) expect(html).not.toMatch(leak);
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test('explore refuses bad parameters with a notice naming them', async ({ page }) => {
  const dialogs = watch(page);
  for (const [query, param] of REFUSED) {
    const res = await page.goto(`/?${query}`);
    expect(res!.status(), query).toBeLessThan(500);
    const alert = page.locator('main [role=alert]');
    await expect(alert, query).toBeVisible();
    await expect(alert, query).toContainText(param);
    // The page stays, shown without the bad parameter, and offers the address without it.
    await expect(alert.getByRole('link', { name: /^Show without / }), query).toBeVisible();
    await expectNoLeak(page);
  }
  await expectNothingRan(page, dialogs);
});

test('explore serves odd but valid values as text, and runs none of them', async ({ page }) => {
  const dialogs = watch(page);
  for (const query of SERVED) {
    const res = await page.goto(`/?${query}`);
    expect(res!.status(), query).toBe(200);
    await expect(page.locator('main [role=alert]')).toHaveCount(0);
    await expect(page.locator('main')).toContainText(/conversation/i);
    await expectNoLeak(page);
    await expectNothingRan(page, dialogs);
  }
  // The hostile values reached the page as text (in the chips and sentence), not as elements.
  await page.goto(`/?language=${encodeURIComponent(`<script>${PWN}</script>`)}`);
  await expect(page.locator('main')).toContainText(`<script>${PWN}</script>`);
  await expect(page.locator('main script')).toHaveCount(0);
});

test('hostile conversation ids answer 404 with the not-found page', async ({ page }) => {
  const dialogs = watch(page);
  for (const id of IDS) {
    const res = await page.goto(`/c/${id}`);
    expect(res!.status(), id).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' }), id).toBeVisible();
    await expectNoLeak(page);
  }
  await expectNothingRan(page, dialogs);
});

test('addresses with percent-escapes that are not UTF-8 answer 400 with a message', async ({ request }) => {
  for (const prefix of ['/c/', '/t/', '/conversation/wildchat/', '/api/conversations/', '/api/turns/']) {
    for (const bad of BAD_ESCAPES) {
      const res = await request.get(`${prefix}${bad}`, { maxRedirects: 0 });
      expect(res.status(), `${prefix}${bad}`).toBe(400);
      expect(await res.text()).toContain('percent-escape that is not valid UTF-8');
    }
  }
});

test('a real conversation with a hostile back link and search still renders', async ({ page, request }) => {
  const dialogs = watch(page);
  const id = (await (await request.get('/api/conversations?limit=1')).json()).rows[0].id as string;
  for (const back of ['limit%3D-5', '%FF%FE', encodeURIComponent(`q=<img src=x onerror=${PWN}>`), encodeURIComponent('//evil.example/')]) {
    const res = await page.goto(`/c/${id}?back=${back}&q=${encodeURIComponent(`<b onmouseover=${PWN}>x</b>`)}`);
    expect(res!.status(), back).toBe(200);
    await expect(page.locator('article')).toBeVisible();
    await expectNoLeak(page);
    const backLink = page.getByTestId('back-to-results');
    if (await backLink.count()) expect(await backLink.getAttribute('href')).toMatch(/^\/(\?|$)/);
  }
  await expectNothingRan(page, dialogs);
});

test('turn links with hostile identifiers answer 404 with a message, never a redirect elsewhere', async ({ request }) => {
  for (const prefix of ['/t/', '/conversation/wildchat/']) {
    for (const id of IDS) {
      const res = await request.get(`${prefix}${id}`, { maxRedirects: 0 });
      expect(res.status(), `${prefix}${id}`).toBe(404);
      const body = await res.text();
      expect(body).toMatch(/not a turn identifier|no turn|Not found/);
      for (const leak of LEAKS) expect(body).not.toMatch(leak);
    }
  }
});

test('nothing outside the app is served', async ({ request }) => {
  for (const path of [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/_next/static/..%2f..%2f..%2fpackage.json',
    '/.env',
    '/package.json',
    '/data/cache/index.duckdb',
    '/.cache/e2e-index/index.duckdb',
    '/_next/static/%2e%2e/%2e%2e/next.config.js',
    '/public/screenshot.png/..%2f..%2fREADME.md',
    '/api/..%2f..%2fetc%2fpasswd',
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    const body = await res.text();
    expect(body, path).not.toMatch(/root:x:0:0|"name": "wildscope"|DUCK|serverExternalPackages|# Wildscope/);
  }
});
