// A bad parameter on a page keeps the page: the view is shown without it, a notice beside the
// field it concerns names it, and a link leads to the same address without it.
import { expect, test, type Locator, type Page } from '@playwright/test';

const expectTotal = (page: Page, n: number) => expect(page.getByTestId('total').locator('strong')).toHaveText(n.toLocaleString('en-US'));

/** The notice's link as (path, search params sorted), so the comparison ignores parameter order. */
async function target(link: Locator): Promise<[string, string[][]]> {
  const url = new URL((await link.getAttribute('href'))!, 'http://x');
  return [url.pathname, [...url.searchParams].sort()];
}
const expected = (path: string, qs: string): [string, string[][]] => [path, [...new URLSearchParams(qs)].sort()];

test('explore: a bad turns_min keeps the search, the other filters and the results, with a notice by the turns facet', async ({
  page,
  request,
}) => {
  const api = await (await request.get('/api/conversations?q=hello&language=English&limit=1')).json();
  expect(api.total).toBeGreaterThan(0);
  const res = await page.goto('/?q=hello&language=English&turns_min=abc');
  expect(res!.status()).toBe(200);

  await expect(page.getByLabel('Search conversations')).toHaveValue('hello');
  await expect(page.getByTestId('chips').locator('[data-chip="language"]')).toContainText('English');
  await expect(page.locator('[data-facet="language"] a[data-value="English"]')).toHaveAttribute('aria-current', 'true');
  await expectTotal(page, api.total);
  expect(await page.getByTestId('results').locator('tbody tr[data-id]').count()).toBeGreaterThan(0);

  const notice = page.locator('[data-facet="turns"]').getByRole('alert');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('turns_min');
  await expect(page.locator('main [role=alert]')).toHaveCount(1);
  const link = notice.getByRole('link');
  expect(await target(link)).toEqual(expected('/', 'q=hello&language=English'));
  // The rest of the page no longer carries the bad value: its links are built from the good parameters.
  await expect(page.getByTestId('charts-link')).toHaveAttribute('href', '/charts?q=hello&language=English');
  await link.click();
  await expect(page).toHaveURL(/\/\?q=hello&language=English$/);
  await expect(page.locator('main [role=alert]')).toHaveCount(0);
  await expectTotal(page, api.total);
});

test('explore: several bad parameters are each named beside their field, and one link drops them all', async ({ page, request }) => {
  const api = await (await request.get('/api/conversations?language=English&limit=1')).json();
  await page.goto('/?language=English&from=2023-13-45&sort=foo&q=%22%22&toxic=maybe&min_violence=7&wat=1');
  await expectTotal(page, api.total);
  await expect(page.getByLabel('Search conversations')).toHaveValue('');
  const places: [string, Locator][] = [
    ['from', page.locator('[data-facet="date"]')],
    ['sort', page.getByTestId('listing-bar')],
    ['q', page.getByTestId('search')],
    ['toxic', page.locator('[data-facet="toxic"]')],
    ['min_violence', page.locator('[data-facet="flagged"]')],
    ['wat', page.locator('[data-notices="top"]')],
  ];
  for (const [param, place] of places) {
    const notice = place.getByRole('alert');
    await expect(notice, param).toHaveCount(1);
    await expect(notice, param).toContainText(param);
    expect(await target(notice.getByRole('link')), param).toEqual(expected('/', 'language=English'));
  }
  await expect(page.locator('main [role=alert]')).toHaveCount(places.length);
});

test('explore: a repeated q is named, and the view is shown without any q', async ({ page }) => {
  await page.goto('/?q=hello&q=world&language=English');
  const notice = page.getByTestId('search').getByRole('alert');
  await expect(notice).toContainText('q may appear only once');
  await expect(page.getByLabel('Search conversations')).toHaveValue('');
  expect(await target(notice.getByRole('link'))).toEqual(expected('/', 'language=English'));
});

test('explore: values from the address stay text in the notice', async ({ page }) => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  await page.goto(`/?${encodeURIComponent(evil)}=1&language=English`);
  const notice = page.locator('[data-notices="top"]').getByRole('alert');
  await expect(notice).toContainText(evil);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('charts: a bad turns_min keeps the charts and the other filters, with a notice by the turns chart', async ({ page, request }) => {
  const stats = await (await request.get('/api/stats?q=hello&language=English')).json();
  expect(stats.total).toBeGreaterThan(0);
  const res = await page.goto('/charts?q=hello&language=English&turns_min=abc');
  expect(res!.status()).toBe(200);
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(stats.total));
  await expect(page.getByTestId('chips').locator('[data-chip="language"]')).toContainText('English');
  await expect(page.getByTestId('chips').locator('[data-chip="q"]')).toContainText('hello');

  // Beside the chart: the notice and the chart's figure share their parent.
  const notice = page.getByTestId('chart-turns').locator('xpath=..').getByRole('alert');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('turns_min');
  expect(await target(notice.getByRole('link'))).toEqual(expected('/charts', 'q=hello&language=English'));
  await expect(page.getByTestId('results-link')).toHaveAttribute('href', '/?q=hello&language=English');
});

test('charts: listing parameters and bad options are named, the charts still drawn', async ({ page, request }) => {
  const stats = await (await request.get('/api/stats?country=Germany')).json();
  await page.goto('/charts?country=Germany&sort=newest&interval=year&wat=1');
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(stats.total));
  const top = page.locator('[data-notices="top"]').getByRole('alert');
  await expect(top).toHaveCount(2);
  await expect(top.and(page.locator('[data-param="sort"]'))).toContainText('sort does not apply to charts');
  await expect(top.and(page.locator('[data-param="wat"]'))).toContainText('unknown parameter "wat"');
  const interval = page.getByTestId('chart-time').locator('xpath=..').getByRole('alert');
  await expect(interval).toContainText('interval');
  expect(await target(interval.getByRole('link'))).toEqual(expected('/charts', 'country=Germany'));
});
