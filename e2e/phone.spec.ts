// At phone width every page fits the screen (no sideways scrolling), explore puts the search first,
// its filters in a drawer that says how many are active, and its results as cards.
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 } });

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('no page scrolls sideways at 390 px', async ({ page, request }) => {
  const longest = (await (await request.get('/api/conversations?sort=turns&limit=1')).json()).rows[0].id;
  const arabic = (await (await request.get('/api/conversations?language=Arabic&limit=1')).json()).rows[0].id;
  const pages = [
    '/',
    '/?language=English&q=the',
    '/?hashed_ip=none',
    '/charts',
    '/charts?country=United+States&split=role',
    `/c/${longest}`,
    `/c/${arabic}`,
    '/c/unknown-id',
    '/?turns_min=abc',
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
});

test("a conversation's long id and its messages' moderation lines fit the screen, not cut at its edge", async ({ page, request }) => {
  // LMSYS ids are 32 hex digits with no break; a moderation line names the highest category.
  const lmsys = (await (await request.get('/api/conversations?dataset=lmsys&sort=turns&limit=1')).json()).rows[0].id;
  await page.goto(`/c/${lmsys}`);
  const right = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right + e.scrollWidth - e.clientWidth)));
  expect(await right('h1')).toBeLessThanOrEqual(390);
  expect(await right('[data-testid="moderation"] summary')).toBeLessThanOrEqual(390);
});

test('explore at phone width: search first, filters in a drawer with the active count, results as cards', async ({ page }) => {
  await page.goto('/?language=English&country=United+States');
  const search = page.getByRole('textbox', { name: 'Search conversations' });
  const facets = page.locator('[data-facet="language"]');
  await expect(search).toBeInViewport();
  await expect(facets).toBeHidden();
  const button = page.getByTestId('filters-button');
  await expect(button).toContainText('2 active');
  expect((await button.boundingBox())!.y).toBeGreaterThan((await search.boundingBox())!.y);
  await button.click();
  await expect(facets).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Filters · 2 active' })).toBeVisible();
  // A value chosen in the drawer filters, and the drawer closes with the new page.
  await facets.locator('a', { hasText: 'English' }).first().click();
  await expect(page).toHaveURL(/country=United\+States/);
  await expect(page).not.toHaveURL(/language=English/);
  await expect(page.getByTestId('filters-button')).toContainText('1 active');
  // Results are cards: one per row, the first message on top, no column headers.
  const row = page.locator('[data-testid="results"] tbody tr').first();
  await expect(page.locator('[data-testid="results"] thead')).toBeHidden();
  const rowBox = (await row.boundingBox())!;
  expect(rowBox.width).toBeLessThanOrEqual(390);
  const cells = row.locator('td');
  const preview = (await cells.last().boundingBox())!;
  const time = (await cells.first().boundingBox())!;
  expect(preview.y).toBeLessThan(time.y);
});
