// Reading without a mouse and in every script: the skip link and `/` reach the search, messages
// carry their language and direction, and the app has an icon.
import { expect, test } from '@playwright/test';
import { hydrated } from './hydrated';

test('the first Tab reaches a skip link that focuses the search box', async ({ page }) => {
  await page.goto('/?language=English');
  await hydrated(page);
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-to-search');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Search conversations' })).toBeFocused();
  // Typing goes into the box, and the filters are kept.
  await page.keyboard.type('hello');
  await expect(page.getByRole('textbox', { name: 'Search conversations' })).toHaveValue('hello');
});

test('the skip link on a page without search opens explore at its search box', async ({ page, request }) => {
  await page.goto('/charts');
  await hydrated(page);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-to-search')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/#q$/);
  await expect(page.getByRole('textbox', { name: 'Search conversations' })).toBeFocused();
  expect((await request.get('/icon.svg')).headers()['content-type']).toContain('image/svg+xml');
});

test('/ focuses the search box, but not while typing elsewhere', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);
  await page.locator('body').press('/');
  const box = page.getByRole('textbox', { name: 'Search conversations' });
  await expect(box).toBeFocused();
  await box.fill('');
  await page.locator('#from').focus();
  await page.keyboard.press('/');
  await expect(page.locator('#from')).toBeFocused();
});

test('an Arabic message is laid out right to left, in its language; an English one left to right', async ({ page, request }) => {
  for (const [language, tag, direction] of [
    ['Arabic', 'ar', 'rtl'],
    ['English', 'en', 'ltr'],
  ] as const) {
    const list = await (await request.get(`/api/conversations?language=${language}&limit=20`)).json();
    const id = list.rows.find((r: { preview: string | null }) => r.preview)?.id;
    expect(id, `an ${language} conversation with a first message`).toBeTruthy();
    const c = await (await request.get(`/api/conversations/${id}`)).json();
    const first = c.messages.findIndex(
      (m: { role: string; language: string; content: string }) => m.role === 'user' && m.language === language && m.content.trim(),
    );
    expect(first, `a user message in ${language}`).toBeGreaterThanOrEqual(0);
    await page.goto(`/c/${id}`);
    const body = page.locator('[data-testid="messages"] > li').nth(first).locator('.md');
    await expect(body).toHaveAttribute('lang', tag);
    await expect(body).toHaveAttribute('dir', 'auto');
    expect(await body.evaluate((el) => getComputedStyle(el).direction), language).toBe(direction);
  }
});

test('? lists the shortcuts; j and k walk the results, Enter opens one', async ({ page }) => {
  await page.goto('/?language=English');
  await hydrated(page);
  await page.locator('body').press('?');
  const help = page.getByTestId('shortcuts');
  await expect(help).toBeVisible();
  await expect(help).toContainText('next / previous search match');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  const links = page.locator('[data-testid="results"] [data-open]');
  await page.keyboard.press('j');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(links.nth(1)).toBeFocused();
  const href = await links.nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.split('?')[0]}`));
});
