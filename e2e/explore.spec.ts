import { expect, test } from '@playwright/test';

const total = async (page: import('@playwright/test').Page) =>
  Number((await page.getByTestId('total').locator('strong').textContent())!.replace(/,/g, ''));

test('the sample opens, filters by a facet, searches, and opens a conversation', async ({ page, request }) => {
  const health = await (await request.get('/api/health')).json();
  await page.goto('/');
  expect(await total(page)).toBe(health.conversations);
  await expect(page.getByTestId('results').locator('tbody tr')).toHaveCount(50);

  const row = page.locator('[data-facet="language"] li').filter({ has: page.locator('a[data-value="Russian"]') });
  const russian = row.locator('a[data-value="Russian"]');
  const expected = Number((await row.locator('[data-count]').textContent())!.replace(/,/g, ''));
  await russian.click();
  await expect(page).toHaveURL(/language=Russian/);
  expect(await total(page)).toBe(expected);

  await page.goto('/');
  await page.getByLabel('Search conversations').fill('Привет');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=%D0%9F/);
  const api = await (await request.get('/api/conversations?q=' + encodeURIComponent('Привет'))).json();
  expect(await total(page)).toBe(api.total);
  expect(api.total).toBeGreaterThan(0);
  // Each result shows where the word occurs, the word marked (case as written in the message).
  const snippet = page.getByTestId('results').locator('tbody tr').first().getByTestId('snippet');
  expect((await snippet.locator('mark').first().textContent())!.toLowerCase()).toBe('привет');
  expect(await snippet.textContent()).toBe(api.rows[0].snippet);

  const first = page.getByTestId('results').locator('tbody tr').first();
  const id = await first.getAttribute('data-id');
  await first.locator('td').last().locator('a').first().click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}\\?q=`));
  await expect(page.getByRole('heading', { name: `Conversation ${id}` })).toBeVisible();
});
