// The bundled sample serves two datasets (a WildChat-shaped one and an LMSYS-shaped one): what a
// reader sees of them on explore, on a conversation and on the charts, against /api/health.
import { expect, test, type APIRequestContext } from '@playwright/test';

interface Dataset {
  name: string;
  kind: string;
  conversations: number;
}
const datasetsOf = async (request: APIRequestContext): Promise<Dataset[]> => (await (await request.get('/api/health')).json()).datasets;

test('explore lists each dataset with its count, filters by one, and opens a row from its dataset', async ({ page, request }) => {
  const datasets = await datasetsOf(request);
  expect(datasets.map((d) => d.kind)).toEqual(['wildchat', 'lmsys']);
  await page.goto('/');
  const facet = page.locator('[data-facet="dataset"]');
  for (const d of datasets) {
    const item = facet.locator('li', { has: page.locator(`[data-value="${d.name}"]`) });
    await expect(item.locator('[data-count]')).toHaveText(d.conversations.toLocaleString('en-US'));
  }
  await expect(page.getByTestId('dataset-line')).toContainText(
    datasets.map((d) => `${d.name} ${d.conversations.toLocaleString('en-US')}`).join(' + '),
  );

  const lmsys = datasets.find((d) => d.kind === 'lmsys')!;
  await facet.locator(`[data-value="${lmsys.name}"]`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]dataset=${lmsys.name}`));
  await expect(page.getByTestId('total').locator('strong').first()).toHaveText(lmsys.conversations.toLocaleString('en-US'));
  // Each row names its dataset, and opens its conversation from it.
  const cells = await page.locator('[data-testid="results"] tbody tr td:first-child').allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  expect(new Set(cells)).toEqual(new Set([lmsys.name]));
  await page.locator('[data-testid="results"] [data-open]').first().click();
  await expect(page).toHaveURL(new RegExp(`/c/[^?]+\\?.*dataset=${lmsys.name}`));
  await expect(page.getByTestId('conversation-header').locator('[data-field="Dataset"] dd')).toHaveText(lmsys.name);
});

test('charts name the dataset that does not record a field, and stand in for a chart none records', async ({ page, request }) => {
  const lmsys = (await datasetsOf(request)).find((d) => d.kind === 'lmsys')!;
  await page.goto('/charts');
  const country = page.locator('[data-testid="unrecorded"][data-field="country"]').first();
  await expect(country).toHaveText(`Country is not recorded in ${lmsys.name}: its conversations count as missing here.`);
  await expect(page.getByTestId('chart-countries')).toBeVisible();
  await expect(page.locator('[data-testid="unrecorded"][data-field="time"]')).toContainText(`Time is not recorded in ${lmsys.name}`);
  await expect(page.getByTestId('chart-time')).toBeVisible();

  await page.goto(`/charts?dataset=${lmsys.name}`);
  await expect(page.locator('[data-testid="unrecorded"][data-field="time"]')).toHaveText(
    `Conversations over time: Time is not recorded in ${lmsys.name}, so there is nothing to chart for this selection.`,
  );
  // The two charts of the country each name themselves in their notice.
  await expect(page.locator('[data-testid="unrecorded"][data-field="country"] strong')).toHaveText([
    'Conversations by country:',
    'Languages in the top countries:',
  ]);
  await expect(page.locator('[data-testid="unrecorded"][data-field="detoxify"]')).toContainText('Detoxify scores are not recorded');
  // No empty chart drawn as if it were data; the charts of what LMSYS records are drawn.
  await expect(page.getByTestId('chart-time')).toHaveCount(0);
  await expect(page.getByTestId('chart-countries')).toHaveCount(0);
  await expect(page.getByTestId('chart-detoxify')).toHaveCount(0);
  await expect(page.getByTestId('chart-models')).toBeVisible();
});

test('the moderation chart splits by dataset, one series per dataset, as the API counts them', async ({ page, request }) => {
  const datasets = await datasetsOf(request);
  const stats = await (await request.get('/api/stats?split=dataset')).json();
  expect([...stats.moderation.groups].sort()).toEqual(datasets.map((d) => d.name).sort());
  await page.goto('/charts?split=dataset');
  const chart = page.getByTestId('chart-moderation_flagged');
  await expect(chart.locator('[data-option="split"] [aria-current="true"]')).toHaveText('dataset');
  for (const d of datasets) await expect(chart).toContainText(d.name);
});
