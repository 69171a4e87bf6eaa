// Dark mode follows the system until the reader picks one, and the pick is remembered.
import { expect, test, type Page } from '@playwright/test';
import { hydrated } from './hydrated';

/** Relative luminance of the page's background, 0 (black) to 1 (white); colours may be oklch, so a canvas converts them. */
const background = (page: Page) =>
  page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });

test.describe('with the system in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('pages are dark, and the toggle switches to light and is remembered', async ({ page }) => {
    await page.goto('/');
    await hydrated(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBeLessThan(0.05);
    const toggle = page.getByTestId('theme-toggle');
    await expect(toggle).toHaveAccessibleName('Switch to light mode');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBeGreaterThan(0.9);
    await page.goto('/charts');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('Switch to dark mode');
  });
});

test('with the system in light mode pages are light until dark is chosen', async ({ page }) => {
  await page.goto('/charts');
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBeGreaterThan(0.9);
  await page.getByTestId('theme-toggle').click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBeLessThan(0.05);
});
