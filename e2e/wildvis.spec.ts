// WildVis's URLs, as its pages and the papers citing it print them, open the same view here: each
// answers a 308 whose Location is a path (asked under another Host, as behind a proxy), and the view
// it leads to counts what the hand-written Wildscope URL counts.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const HOST = 'wildscope.example.org';

const total = async (page: Page) => Number((await page.getByTestId('total').locator('strong').textContent())!.replace(/,/g, ''));
const apiTotal = async (request: APIRequestContext, query: string) =>
  (await (await request.get(`/api/conversations?${query}`)).json()).total as number;

/** The one redirect `path` answers under HOST: its status and the target as a browser at HOST resolves it. */
async function redirectOf(request: APIRequestContext, path: string): Promise<{ status: number; target: URL; location: string }> {
  const res = await request.get(path, { headers: { host: HOST }, maxRedirects: 0 });
  const location = res.headers()['location'] ?? '';
  expect(location, `${path} has no Location`).toMatch(/^\/(?!\/)/);
  return { status: res.status(), target: new URL(location, `http://${HOST}${path}`), location };
}

/** Two words in a row from an English conversation's first message, and that conversation's toxic flag. */
async function phraseOfTheData(request: APIRequestContext): Promise<{ phrase: string; toxic: boolean }> {
  const { rows } = await (await request.get('/api/conversations?language=English&limit=50')).json();
  for (const row of rows as { preview: string | null; toxic: boolean }[]) {
    const m = /(?:^|\s)([A-Za-z]{3,}) ([A-Za-z]{3,})(?=\s|$)/.exec(row.preview ?? '');
    if (m) return { phrase: `${m[1]} ${m[2]}`, toxic: row.toxic };
  }
  throw new Error('no English conversation with two plain words in its first message');
}

test("the paper's WildVis links redirect on the reader's host to the same selection", async ({ request }) => {
  const { phrase, toxic } = await phraseOfTheData(request);
  const cases: [string, string][] = [
    // The sample serves a WildChat and an LMSYS dataset: WildVis's links showed WildChat unless they said otherwise.
    ['/?contains=homework&toxic=false&language=English', 'q=%22homework%22&toxic=false&language=English&dataset=wildchat'],
    ['/?contains=Visa%20Officer&redacted=true', 'q=%22Visa+Officer%22&redacted=true&dataset=wildchat'],
    [
      `/?contains=${encodeURIComponent(phrase)}&toxic=${toxic}&language=english`,
      `q=${encodeURIComponent(`"${phrase}"`)}&toxic=${toxic}&language=English&dataset=wildchat`,
    ],
    [`/?dataset=wildchat&min_turns=2&language=ENGLISH`, 'dataset=wildchat&turns_min=2&language=English'],
    [`/?dataset=lmsyschat&contains=${encodeURIComponent(phrase)}`, `dataset=lmsys&q=${encodeURIComponent(`"${phrase}"`)}`],
  ];
  for (const [wildvis, handWritten] of cases) {
    const { status, target } = await redirectOf(request, wildvis);
    expect(status, wildvis).toBe(308);
    expect(target.host, wildvis).toBe(HOST);
    expect(target.pathname, wildvis).toBe('/');
    expect(await apiTotal(request, target.search.slice(1)), wildvis).toBe(await apiTotal(request, handWritten));
  }
  expect(await apiTotal(request, `q=${encodeURIComponent(`"${phrase}"`)}&toxic=${toxic}&language=English`)).toBeGreaterThan(0);
});

test("Wildscope's own URLs, WildVis's links that are Wildscope's too, are not redirected", async ({ request }) => {
  const { rows } = await (await request.get('/api/conversations?limit=1')).json();
  for (const path of [
    '/',
    `/?hashed_ip=${rows[0].hashed_ip}`,
    '/?toxic=true',
    '/?language=English&q=the',
    '/?turns_min=2&offset=30&limit=30',
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
  }
});

test('a WildVis link opens in the browser on the view it names: page 2 of 30, the language as stored', async ({ page, request }) => {
  const { phrase } = await phraseOfTheData(request);
  const words = phrase.split(' ')[0]!;
  const handWritten = `q=${encodeURIComponent(`"${words}"`)}&language=English&dataset=wildchat`;
  const expected = await apiTotal(request, handWritten);
  expect(expected).toBeGreaterThan(0);
  await page.goto(`/?contains=${encodeURIComponent(words)}&language=english`);
  await expect(page).toHaveURL(`/?${handWritten}`);
  expect(await total(page)).toBe(expected);
  await expect(page.getByLabel('Search conversations')).toHaveValue(`"${words}"`);

  const all = await apiTotal(request, 'turns_min=1&dataset=wildchat');
  expect(all).toBeGreaterThan(60);
  await page.goto('/?min_turns=1&page=2');
  await expect(page).toHaveURL('/?turns_min=1&dataset=wildchat&offset=30&limit=30');
  expect(await total(page)).toBe(all);
  await expect(page.getByTestId('range')).toHaveText(/31–60/);
  const { rows } = await (await request.get('/api/conversations?turns_min=1&dataset=wildchat&offset=30&limit=30')).json();
  const shown = await page
    .locator('[data-testid="results"] [data-open]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('?')[0]));
  expect(shown).toEqual(rows.map((r: { id: string }) => `/c/${encodeURIComponent(r.id)}`));
});

test('conversation_id opens that conversation; a later turn of it too', async ({ page, request }) => {
  const list = await (await request.get('/api/conversations?sort=turns&limit=1')).json();
  const c = await (await request.get(`/api/conversations/${list.rows[0].id}`)).json();
  const later = c.messages.filter((m: { turn_identifier: string | null }) => m.turn_identifier).at(-1).turn_identifier;
  const { status, location } = await redirectOf(request, `/?conversation_id=${c.id}&dataset=wildchat`);
  expect(status).toBe(308);
  expect(location).toBe(`/c/${c.id}`);
  await page.goto(`/?conversation_id=${later}`);
  await expect(page).toHaveURL(new RegExp(`/c/${c.id}#turn-${later}$`));
});

// A dataset not served at all is said so on explore: the unit tests (lib/wildvis.test.ts,
// lib/server/wildvis.test.ts) cover it, as the sample serves both kinds.
test('WildVis dataset=lmsyschat opens the LMSYS dataset alone; a bad page is said so with a way to the same filters', async ({ page }) => {
  await page.goto('/?dataset=lmsyschat&contains=python');
  await expect(page).toHaveURL('/?dataset=lmsys&q=%22python%22');
  const datasets = await page.locator('[data-testid="results"] tbody tr td:first-child').allTextContents();
  expect(new Set(datasets)).toEqual(new Set(datasets.length ? ['lmsys'] : []));

  await page.goto('/?contains=python&page=zero');
  await expect(page.locator('main').getByRole('alert')).toContainText("page (WildVis's pages of 30 results) must be a whole number from 1");
  await page.locator('main').getByRole('alert').getByRole('link').click();
  await expect(page).toHaveURL('/?q=%22python%22&dataset=wildchat');
});

test("the embedding map and conversation links, query strings included, redirect on the reader's host", async ({ request }) => {
  const { rows } = await (await request.get('/api/conversations?limit=1')).json();
  const id = rows[0].id as string;
  const cases: [string, string][] = [
    ['/embeddings', '/map?dataset=wildchat'],
    ['/embeddings/english?contains=python', '/map?q=%22python%22&language=English&dataset=wildchat'],
    ['/embeddings/chinese?dataset=wildchat&toxic=true', '/map?dataset=wildchat&toxic=true&language=Chinese'],
    ['/embeddings/english?dataset=lmsyschat', '/map?dataset=lmsys&language=English'],
    [`/conversation/lmsyschat/${id}?from=embedding&lang=english`, `/c/${id}`],
    [`/conversation/wildchat/${id}?from=filter&lang=all`, `/c/${id}#turn-${id}`],
    [`/conversation/${id}`, `/c/${id}#turn-${id}`],
  ];
  for (const [path, expected] of cases) {
    const { status, target } = await redirectOf(request, path);
    expect([307, 308], path).toContain(status);
    expect(target.host, path).toBe(HOST);
    expect(`${target.pathname}${target.search}${target.hash}`, path).toBe(expected);
  }
});
