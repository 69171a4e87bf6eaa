// A conversation opened from a search lands on its first match and walks the matches (n/p) and the
// turns (j/k), also past the messages rendered on the server.
import { expect, test, type APIRequestContext } from '@playwright/test';

interface Msg {
  role: string;
  content: string;
}

async function longest(request: APIRequestContext): Promise<{ id: string; turns: number; messages: Msg[] }> {
  const list = await (await request.get('/api/conversations?sort=turns&limit=1')).json();
  return (await request.get(`/api/conversations/${list.rows[0].id}`)).json();
}

const has = (text: string, word: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
/** Whole plain lower-case words of a text (not ASCII pieces of words like `écrire`), longest first. */
const words = (text: string) =>
  [...new Set(text.toLowerCase().match(/(?<![\p{L}\p{M}\p{N}_])[a-z]{5,}(?![\p{L}\p{M}\p{N}_])/gu) ?? [])].sort(
    (a, b) => b.length - a.length,
  );

test('opened from a search, the page lands on the first match and n/p walk the matches', async ({ page, request }) => {
  const c = await longest(request);
  // A word of a message well below the top, absent from everything before it.
  const at = c.messages.findIndex(
    (m, i) => i >= 6 && i < 60 && words(m.content).some((w) => !c.messages.slice(0, i).some((p) => has(p.content, w))),
  );
  expect(at).toBeGreaterThan(0);
  const word = words(c.messages[at]!.content).find((w) => !c.messages.slice(0, at).some((p) => has(p.content, w)))!;
  await page.goto(`/c/${c.id}?q=${word}`);
  const first = page.locator(`[data-testid="messages"] > li`).nth(at).locator('mark').first();
  await expect(first).toHaveAttribute('data-current-match', '');
  await expect(first).toBeInViewport();
  const position = page.getByTestId('match-position');
  await expect(position).toHaveText(/^match 1 of \d+\+?$/);
  const total = page.locator('[data-testid="messages"] mark');
  if ((await total.count()) > 1) {
    await page.keyboard.press('n');
    await expect(position).toHaveText(/^match 2 of/);
    await expect(total.nth(1)).toHaveAttribute('data-current-match', '');
    await page.keyboard.press('p');
    await expect(position).toHaveText(/^match 1 of/);
  }
});

test('a first match past the server-rendered head is found on arrival, the rest rendered for it', async ({ page, request }) => {
  const c = await longest(request);
  expect(c.messages.length).toBeGreaterThan(60);
  const head = c.messages.slice(0, 60);
  const at = c.messages.findIndex((m, i) => i >= 60 && words(m.content).some((w) => !head.some((p) => has(p.content, w))));
  expect(at, 'a message past the head with a word of its own').toBeGreaterThanOrEqual(60);
  const word = words(c.messages[at]!.content).find((w) => !head.some((p) => has(p.content, w)))!;
  await page.goto(`/c/${c.id}?q=${word}`);
  const position = page.getByTestId('match-position');
  await expect(position).toHaveText(/^match 1 of [1-9]\d*$/);
  const current = page.locator('mark[data-current-match]');
  await expect(current).toBeInViewport();
  const index = await current.evaluate((m) => [...m.closest('ol')!.children].indexOf(m.closest('li')!));
  expect(index).toBe(at);
});

test('j and k move through the turns', async ({ page, request }) => {
  const c = await longest(request);
  await page.goto(`/c/${c.id}`);
  const position = page.getByTestId('turn-position');
  await expect(position).toHaveText(`turn – of ${c.turns}`);
  await expect(page.getByTestId('match-nav')).toHaveAttribute('data-live', 'true');
  await page.keyboard.press('j');
  await expect(position).toHaveText(`turn 1 of ${c.turns}`);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(position).toHaveText(`turn 3 of ${c.turns}`);
  const focused = page.locator('[data-testid="messages"] > li[data-focused]');
  await expect(focused).toHaveCount(1);
  await expect(focused).toBeInViewport();
  await page.keyboard.press('k');
  await expect(position).toHaveText(`turn 2 of ${c.turns}`);
  await expect(page).toHaveURL(/#turn-/);
});
