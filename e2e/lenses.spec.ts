import { expect, test } from '@playwright/test';

const total = async (request: import('@playwright/test').APIRequestContext, query: string) =>
  (await (await request.get(`/api/conversations?${query}&limit=1`)).json()).total as number;

test('the terms panel lists what a selection talks about, and a term narrows the search to the conversations it counted', async ({
  page,
  request,
}) => {
  const api = await (await request.get('/api/terms?language=French&limit=20')).json();
  expect(api.terms.length).toBeGreaterThan(3);
  await page.goto('/?language=French');
  const panel = page.getByTestId('terms-panel');
  await expect(panel.getByRole('heading')).toHaveText('What these conversations talk about');
  const terms = panel.getByTestId('term');
  await expect(terms).toHaveCount(api.terms.length);
  const first = api.terms[0] as { term: string; count: number };
  await expect(terms.first()).toContainText(first.term);
  await terms.first().click();
  await expect(page).toHaveURL((u) => u.searchParams.get('q') === first.term && u.searchParams.get('language') === 'French');
  await expect(page.getByTestId('total')).toContainText(`${first.count.toLocaleString('en-US')} conversation`);
});

test('compare with… starts from the current filters; the page shows both sides with the listing totals and terms each way', async ({
  page,
  request,
}) => {
  await page.goto('/?language=English&turns_min=2');
  await page.getByTestId('compare-link').click();
  await expect(page).toHaveURL(/\/compare\?/);
  const english = await total(request, 'language=English&turns_min=2');
  await expect(page.getByTestId('side-a')).toContainText(`${english.toLocaleString('en-US')} conversations`);
  await page.locator('input[name=b]').fill('language=Russian');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL((u) => u.searchParams.get('b') === 'language=Russian');
  const russian = await total(request, 'language=Russian');
  await expect(page.getByTestId('side-b')).toContainText(`${russian.toLocaleString('en-US')} conversations in Russian`);
  await expect(page.getByTestId('terms-a').getByTestId('term').first()).toBeVisible();
  await expect(page.getByTestId('terms-b').getByTestId('term').first()).toBeVisible();
  const english100 = page.getByTestId('compare-languages').locator('tr', { hasText: 'English' });
  await expect(english100).toContainText('100.0%');
  const csv = await request.get(
    await page
      .getByTestId('compare-csv')
      .getAttribute('href')
      .then((h) => h!),
  );
  expect(csv.headers()['content-type']).toContain('text/csv');
});

test('a bad side of a comparison is named and left out on the page, and a 400 from the API', async ({ page, request }) => {
  const r = await request.get(`/api/compare?a=${encodeURIComponent('turns_min=lots')}&b=`);
  expect(r.status()).toBe(400);
  expect((await r.json()).parameter).toBe('a');
  await page.goto(`/compare?a=${encodeURIComponent('turns_min=lots')}&b=`);
  await expect(page.getByTestId('compare-notices')).toContainText('a: turns_min');
});

test("the user view shows activity by month, the share flagged and the user's terms", async ({ page, request }) => {
  const facets = await (await request.get('/api/facets')).json();
  // The sample's LMSYS dataset records no user: its conversations are the facet's missing value.
  const user = (facets.hashed_ip as { value: string | null; count: number }[]).find((u) => u.value !== null)!;
  await page.goto(`/?hashed_ip=${encodeURIComponent(user.value!)}`);
  await expect(page.getByTestId('user-conversations')).toHaveText(user.count.toLocaleString('en-US'));
  const months = page.getByTestId('user-activity').locator('tbody tr');
  expect(await months.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('user-flagged')).toContainText('%');
  await expect(page.getByTestId('terms-panel').getByRole('heading')).toHaveText('What this user talks about');
  await expect(page.getByTestId('terms-panel')).toHaveAttribute('aria-busy', 'false');
});
