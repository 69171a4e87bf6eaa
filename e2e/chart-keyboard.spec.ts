// Chart bars that filter on click filter from the keyboard too: Tab to the chart, arrows to a bar, Enter.
import { expect, test } from '@playwright/test';

test('a language bar is chosen with the arrow keys and filters with Enter', async ({ page, request }) => {
  const languages = (await (await request.get('/api/stats/languages')).json()) as { value: string | null }[];
  const [first, second] = languages.filter((l) => l.value !== null).map((l) => l.value!);
  await page.goto('/charts');
  const chart = page.getByTestId('keys-languages');
  await expect(page.getByTestId('chart-languages')).toHaveAttribute('data-live', 'true');
  // Reached with Tab like any control, shown with the app's focus ring.
  await chart.focus();
  await expect(chart).toBeFocused();
  expect(await chart.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('ArrowDown');
  await expect(chart.locator('[aria-live]')).toHaveText(first!);
  await page.keyboard.press('ArrowDown');
  await expect(chart.locator('[aria-live]')).toHaveText(second!);
  await expect(chart.locator('[data-kbd-current]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]language=${encodeURIComponent(second!).replace(/%20/g, '\\+')}`));
});

test('the world map is not hidden from assistive technology as one image', async ({ page }) => {
  await page.goto('/charts');
  const map = page.locator('svg[data-chart="map"]').first();
  await expect(map).not.toHaveAttribute('role', 'img');
  await expect(map.locator('[role="button"]').first()).toBeAttached();
});
