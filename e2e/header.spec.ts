// The header says what data is shown, and the API link leads to a readable reference.
import { expect, test } from '@playwright/test';

test('the header names the dataset, its size and span, and says the sample is synthetic', async ({ page, request }) => {
  const health = await (await request.get('/api/health')).json();
  const newest = (await (await request.get('/api/conversations?sort=newest&limit=1')).json()).rows[0].timestamp.slice(0, 10);
  const oldest = (await (await request.get('/api/conversations?sort=oldest&limit=1')).json()).rows[0].timestamp.slice(0, 10);
  for (const path of ['/', '/charts']) {
    await page.goto(path);
    const line = page.getByTestId('dataset-line');
    await expect(line).toContainText('Synthetic sample');
    await expect(line).toContainText('WildChat-1M');
    await expect(line).toContainText(`${health.conversations.toLocaleString('en-US')} conversations`);
    await expect(line).toContainText(`${oldest} to ${newest}`);
  }
});

test('the API link opens the reference, with the JSON one link away', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'API', exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByTestId('api-reference')).toContainText('/api/conversations');
  await expect(page.locator('h1')).toHaveCount(1);
  await page.getByRole('link', { name: '/api/health' }).click();
  await expect(page.locator('body')).toContainText('"conversations"');
});
