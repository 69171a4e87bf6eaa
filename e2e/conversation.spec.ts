import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

interface ApiMessage {
  role: string;
  content: string;
  turn_identifier: string | null;
}
interface ApiConversation {
  id: string;
  messages: ApiMessage[];
}

async function conversation(request: APIRequestContext, id: string): Promise<ApiConversation> {
  const res = await request.get(`/api/conversations/${id}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The conversation with the most turns in the sample. */
async function longest(request: APIRequestContext): Promise<ApiConversation> {
  const list = await (await request.get('/api/conversations?sort=turns&limit=1')).json();
  return conversation(request, list.rows[0].id);
}

/** A turn identifier from the middle of the server-rendered head (60 messages), borne first by a user message. */
function middleTurn(c: ApiConversation): string {
  const users = c.messages.slice(0, 60).filter((m) => m.role === 'user' && m.turn_identifier);
  return users[Math.floor(users.length / 2)]!.turn_identifier!;
}

/** `target`: the turn was in the document when the page loaded, so CSS :target matches it too. */
async function expectFocused(page: Page, tid: string, target = true) {
  const turn = page.locator(`[id="turn-${tid}"]`);
  await expect(turn).toHaveAttribute('data-focused', '');
  await expect(turn).toBeInViewport();
  if (target) expect(await turn.evaluate((el) => el.matches(':target'))).toBe(true);
}

test('a turn permalink scrolls to its turn and highlights it', async ({ page, request }) => {
  const c = await longest(request);
  const tid = middleTurn(c);
  await page.goto(`/c/${c.id}#turn-${tid}`);
  await expectFocused(page, tid);
  await expect(page.locator('[data-focused]')).toHaveCount(1);
  // The highlight is visible, not only an attribute.
  const outline = await page.locator(`[id="turn-${tid}"]`).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

test('a permalink past the server-rendered head loads the rest and lands on its turn', async ({ page, request }) => {
  const c = await longest(request);
  expect(c.messages.length).toBeGreaterThan(60); // the page renders 60 messages before loading more
  const tid = c.messages.filter((m) => m.role === 'user' && m.turn_identifier).at(-1)!.turn_identifier!;
  const html = await (await request.get(`/c/${c.id}`)).text();
  expect(html).not.toContain(`id="turn-${tid}"`); // not in the server's HTML: the browser must load it
  await page.goto(`/c/${c.id}#turn-${tid}`);
  await expectFocused(page, tid, false);
  await expect(page.locator(`[id="turn-${tid}"]`)).toHaveAttribute('data-role', 'user');
  await expect(page.locator('[data-focused]')).toHaveCount(1);
});

test('/t/<tid> and /conversation/wildchat/<tid> land on the right turn', async ({ page, request }) => {
  const c = await longest(request);
  const tid = middleTurn(c);
  for (const path of [`/t/${tid}`, `/conversation/wildchat/${tid}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/c/${c.id}#turn-${tid}$`));
    await expectFocused(page, tid);
  }
});

test('HTML inside a message is shown as text and nothing runs', async ({ page, request }) => {
  const snippets = [
    '<script>window.__pwned = 1; alert("xss")</script>',
    '<img src=x onerror="window.__pwned = 1">',
    '<a href="javascript:window.__pwned=1">click me</a>',
    '<svg onload="window.__pwned = 1"></svg>',
  ];
  let found: { id: string; snippet: string } | undefined;
  for (const q of ['pwned', '__pwned', 'onerror', 'script']) {
    const list = await (await request.get(`/api/conversations?q=${q}&limit=10`)).json();
    for (const row of list.rows as { id: string }[]) {
      const c = await conversation(request, row.id);
      // A short message, so the snippet is on screen without "show all".
      const m = c.messages.find((x) => x.content.length < 3000 && snippets.some((s) => x.content.includes(s)));
      if (m) {
        found = { id: c.id, snippet: snippets.find((s) => m.content.includes(s))! };
        break;
      }
    }
    if (found) break;
  }
  expect(found, 'the sample has a message with a hostile HTML snippet').toBeDefined();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/c/${found!.id}`);
  await expect(page.getByText(found!.snippet).first()).toBeVisible();
  const messages = page.getByTestId('messages');
  await expect(messages.locator('script, img, svg, iframe, style')).toHaveCount(0);
  await expect(messages.locator('a[href^="javascript:" i]')).toHaveCount(0);
  // The click as the page saw it: the promise settles in a task queued after the click was
  // dispatched, so a handler or a javascript: link it set off would have had its turn.
  type Seen = { text: string; href: string };
  await page.evaluate(() => {
    (window as unknown as { __click: Promise<Seen> }).__click = new Promise<Seen>((resolve) => {
      window.addEventListener(
        'click',
        (e) => {
          const text = (e.target as Element).textContent ?? '';
          const hop = new MessageChannel();
          hop.port1.onmessage = () => {
            const again = new MessageChannel();
            again.port1.onmessage = () => resolve({ text, href: window.location.href });
            again.port2.postMessage(null);
          };
          hop.port2.postMessage(null);
        },
        { once: true },
      );
    });
  });
  const at = page.url();
  await page.getByText(found!.snippet).first().click();
  const click = await page.evaluate(() => (window as unknown as { __click: Promise<Seen> }).__click);
  expect(click.text).toContain(found!.snippet);
  expect(click.href).toBe(at);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('puts the absolute URL of the turn on the clipboard', async ({ page, request, baseURL }) => {
    const c = await longest(request);
    const tid = middleTurn(c);
    await page.goto(`/c/${c.id}`);
    const turn = page.locator(`[id="turn-${tid}"]`);
    await turn.scrollIntoViewIfNeeded();
    await turn.getByTestId('copy-link').click();
    await expect(turn.getByTestId('copy-link')).toHaveText('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}/c/${c.id}#turn-${tid}`);
  });
});

test('a long conversation renders every message and scrolls to the end', async ({ page, request }) => {
  const c = await longest(request);
  expect(c.messages.length).toBeGreaterThan(60);
  await page.goto(`/c/${c.id}`);
  await expect(page.getByRole('heading', { name: `Conversation ${c.id}` })).toBeVisible();
  // Link previews: the title names the conversation, the description is the first user message.
  await expect(page).toHaveTitle(`Conversation ${c.id} · Wildscope`);
  const firstUser = c.messages
    .find((m) => m.role === 'user' && m.content.trim())!
    .content.replace(/\s+/g, ' ')
    .trim();
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(firstUser.startsWith(description!.replace(/…$/, ''))).toBe(true);
  // The server renders the head; scrolling down renders the rest, until every message is there.
  const items = page.getByTestId('messages').locator(':scope > li.msg');
  expect(await items.count()).toBeLessThan(c.messages.length);
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(items).toHaveCount(c.messages.length, { timeout: 1000 });
    await expect(items.last()).toBeInViewport({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('later-messages')).toHaveCount(0);
  expect(await items.last().getAttribute('data-role')).toBe(c.messages.at(-1)!.role);
  // Moderation opens to its numbers: 11 OpenAI categories on a scored message.
  const scored = page.locator('details[data-testid="moderation"]').first();
  await scored.scrollIntoViewIfNeeded();
  await scored.locator('summary').click();
  await expect(scored.locator('tr[data-category="harassment"]')).toBeVisible();
  expect(await scored.locator('tr[data-category]').count()).toBeGreaterThanOrEqual(11);
});

test('a message of hundreds of KB is sent as its head and shown whole on request', async ({ page, request }) => {
  const { parquet, scalar } = await import('../test/duck');
  const id = await scalar<string>(`SELECT conversation[1].turn_identifier::VARCHAR FROM ${parquet('data/sample/wildchat')}
    ORDER BY list_max([length(m.content) FOR m IN conversation]) DESC LIMIT 1`);
  const c = await conversation(request, id);
  const at = c.messages.reduce((best, m, i) => (m.content.length > c.messages[best]!.content.length ? i : best), 0);
  const text = c.messages[at]!.content;
  expect(text.length).toBeGreaterThan(100_000);
  // The page carries the head of the message, not the whole of it (neither as HTML nor as props).
  const html = await (await request.get(`/c/${id}`)).text();
  expect(html.length).toBeLessThan(text.length / 2);
  const tail = text
    .slice(-3000)
    .match(/[A-Za-z]{5,}(?: [A-Za-z]{3,}){3}/g)!
    .at(-1)!;
  expect(html).not.toContain(tail);
  await page.goto(`/c/${id}`);
  const card = page.getByTestId('messages').locator(':scope > li.msg').nth(at);
  await expect(card).not.toContainText(tail);
  const more = card.getByTestId('show-all');
  await expect(async () => {
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(card).toContainText(tail, { timeout: 15_000 });
  await expect(more).toHaveText('collapse');
});

test('search words are highlighted and lead back to the results', async ({ page, request }) => {
  const list = await (await request.get('/api/conversations?q=zebra-quartz-57&limit=1')).json();
  expect(list.total).toBeGreaterThan(0); // the fixed-seed sample carries the identifier
  // The hit's turn, named in the URL: a message past the server-rendered head is then rendered too.
  const c = await conversation(request, list.rows[0].id);
  const hit = c.messages.findIndex((m) => /zebra-quartz-57/i.test(m.content));
  const tid = c.messages
    .slice(0, hit + 1)
    .reverse()
    .find((m) => m.turn_identifier)!.turn_identifier;
  await page.goto(`/c/${c.id}?q=zebra-quartz-57&back=${encodeURIComponent('q=zebra-quartz-57&sort=newest')}#turn-${tid}`);
  await expect(page.locator(`[id="turn-${tid}"]`)).toBeVisible();
  // A hit may lie past the head of a long message: "show all" renders the rest.
  // Clicks before hydration do nothing, so each button is clicked until it reports itself expanded.
  for (const more of await page.getByTestId('show-all').all()) {
    await expect(async () => {
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
      await expect(more).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  }
  await expect(page.getByTestId('messages').locator('mark').first()).toHaveText(/zebra-quartz-57/i);
  await page.getByTestId('back-to-results').click();
  await expect(page).toHaveURL(/\/\?q=zebra-quartz-57&sort=newest$/);
});

test('an unknown or malformed id shows the not-found page', async ({ page }) => {
  for (const id of ['1', 'not-an-id', '9'.repeat(40)]) {
    const res = await page.goto(`/c/${id}`);
    expect(res!.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to exploring' })).toBeVisible();
  }
});

test("a turn link that leads nowhere opens the app's own not-found page, a script gets JSON", async ({ page, request }) => {
  for (const path of ['/t/1', '/conversation/wildchat/1', '/conversation/1', `/t/${encodeURIComponent('<img src=x onerror=alert(1)>')}`]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' }), path).toBeVisible();
    // In the app's frame: its header with the dataset line and its navigation.
    await expect(page.locator('header').getByRole('link', { name: 'Charts' }), path).toBeVisible();
    const api = await request.get(path, { maxRedirects: 0 });
    expect(api.status(), path).toBe(404);
    expect((await api.json()).error, path).toMatch(/^(no turn|not a turn identifier)/);
  }
});

test('previous and next walk the result set the conversation was opened from', async ({ page, request }) => {
  const api = await (await request.get('/api/conversations?language=Russian&sort=oldest&limit=2')).json();
  await page.goto('/?language=Russian&sort=oldest');
  await page.getByTestId('results').locator('tbody tr').first().locator('a[href^="/c/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`/c/${api.rows[0].id}\\?`));
  const walker = page.getByTestId('result-walker');
  await expect(walker).toContainText(`1 of ${api.total.toLocaleString('en-US')}`);
  await page.getByTestId('next-result').click();
  await expect(page).toHaveURL(new RegExp(`/c/${api.rows[1].id}\\?`));
  await expect(walker).toContainText(`2 of ${api.total.toLocaleString('en-US')}`);
  await page.getByTestId('prev-result').click();
  await expect(page).toHaveURL(new RegExp(`/c/${api.rows[0].id}\\?`));
  await page.getByTestId('back-to-results').click();
  await expect(page).toHaveURL(/\/\?language=Russian&sort=oldest$/);
});
