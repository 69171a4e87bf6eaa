// An accessibility audit (axe-core) of every kind of page, in light and dark mode: no serious or
// critical violation, and one h1 a page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function audit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('h1'), `${path}: one h1`).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(bad, path).toEqual([]);
}

// One test a page: eight audits in one test took 44-59 s of its 60 s on a busy machine.
const PAGES = [
  '/',
  '/?q=the&language=English',
  'the longest conversation',
  '/charts',
  '/map',
  '/map?language=English&color=model',
  '/docs/api',
  '/c/unknown',
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const path of PAGES)
      test(`${path} passes the audit`, async ({ page, request }) => {
        if (path !== 'the longest conversation') return audit(page, path);
        const id = (await (await request.get('/api/conversations?sort=turns&limit=1')).json()).rows[0].id;
        await audit(page, `/c/${id}?q=the`);
      });
  });
}
