// A click that changes the view shows at once that the view is updating, and stops when the new
// view is there. The server's answer is held back by the test until it has looked.
import { expect, test, type Page, type Route } from '@playwright/test';
import { hydrated } from './hydrated';

/** Holds the next navigation's server answer (not prefetches) until the returned function is called. */
async function holdNextNavigation(page: Page): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  let hold!: (r: Route) => void;
  const caught = new Promise<Route>((resolve) => {
    hold = resolve;
  });
  await page.route(
    (url) => url.searchParams.has('_rsc'),
    async (route) => {
      if (route.request().headers()['next-router-prefetch']) return route.continue();
      hold(route);
    },
  );
  return {
    held: caught.then(() => undefined),
    release: async () => {
      await (await caught).continue();
      await page.unroute(() => true);
    },
  };
}

for (const [what, act] of [
  ['a facet value', (page: Page) => page.locator('[data-facet="language"] a', { hasText: 'English' }).first().click()],
  ['the sort', (page: Page) => page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest')],
] as const) {
  test(`${what} dims the view and shows the bar until the new view is rendered`, async ({ page }) => {
    await page.goto('/?country=United+States');
    await hydrated(page);
    await expect(page.locator('[data-testid="results"]')).toBeVisible();
    const html = page.locator('html');
    await expect(html).not.toHaveAttribute('data-navigating');
    const { held, release } = await holdNextNavigation(page);
    await act(page);
    await held;
    await expect(html).toHaveAttribute('data-navigating', '');
    await expect.poll(async () => Number(await page.locator('main').evaluate((m) => getComputedStyle(m).opacity))).toBeLessThan(1);
    await release();
    await expect(html).not.toHaveAttribute('data-navigating');
    await expect(page).toHaveURL(/country=United\+States&/);
  });
}
