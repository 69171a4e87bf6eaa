import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../test/csv';

interface Ranked {
  value: string | null;
  count: number;
  flagged: number;
}

const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
const attr = (name: string) => `[data-place=${JSON.stringify(name)}]`;
const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);

/** Opens the charts page and waits until its charts answer clicks (hydrated). */
async function open(page: Page, query = '') {
  await page.goto(`/charts${query}`);
  await expect(chart(page, 'countries')).toHaveAttribute('data-live', 'true');
}

test('the world map draws every country of the sample, each with its count', async ({ page, request }) => {
  const stats = await (await request.get('/api/stats')).json();
  const countries = (stats.countries as Ranked[]).filter((c) => c.value !== null);
  expect(countries.length).toBeGreaterThan(30);
  await open(page);
  const map = chart(page, 'countries');
  for (const c of countries) await expect(map.locator(`path${attr(c.value!)}`), c.value!).toHaveAttribute('data-count', String(c.count));
  await expect(map.locator('path[data-place]')).toHaveCount(countries.length);
  for (const small of ['Hong Kong', 'Macao', 'Singapore', 'Kosovo']) await expect(map.locator(`path${attr(small)}`)).toHaveCount(1);
  await expect(map).not.toContainText('Not on the map');
  const unknown = (stats.countries as Ranked[]).find((c) => c.value === null);
  if (unknown) await expect(map.getByTestId('unmapped')).toContainText(`No country recorded: ${unknown.count.toLocaleString('en-US')}`);

  await map.locator(`path${attr('Germany')}`).hover();
  const germany = countries.find((c) => c.value === 'Germany')!;
  await expect(map.getByTestId('map-tooltip')).toContainText(`${germany.count.toLocaleString('en-US')} conversations`);
});

test('clicking a country filters the page and every other chart; the results link keeps the filter', async ({ page, request }) => {
  const all = await (await request.get('/api/stats')).json();
  const de = await (await request.get('/api/stats?country=Germany')).json();
  expect(de.total).toBeGreaterThan(0);
  expect(de.total).toBeLessThan(all.total);
  await open(page);
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(all.total));
  await expect(chart(page, 'languages')).toHaveAttribute('data-total', String(sum(all.languages)));

  await chart(page, 'countries')
    .locator(`path${attr('Germany')}`)
    .click();
  await expect(page).toHaveURL(/\/charts\?country=Germany$/);
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(de.total));
  await expect(page.getByTestId('chips')).toContainText('country: Germany');
  await expect(page.getByTestId('sentence')).toContainText('from Germany');
  await expect(chart(page, 'languages')).toHaveAttribute('data-total', String(sum(de.languages)));
  await expect(chart(page, 'models')).toHaveAttribute('data-total', String(sum(de.models)));
  await expect(chart(page, 'time')).toHaveAttribute('data-total', String(sum(de.time.rows)));
  await expect(chart(page, 'turns')).toHaveAttribute('data-total', String(sum(de.shape.turns)));
  expect(sum(de.languages)).toBeLessThan(sum(all.languages));
  await expect(chart(page, 'countries').locator(`path${attr('Germany')}`)).toHaveAttribute('aria-pressed', 'true');

  await expect(page.getByTestId('results-link')).toHaveAttribute('href', '/?country=Germany');
  await page.getByTestId('results-link').click();
  await expect(page).toHaveURL(/\/\?country=Germany$/);
  await expect(page.getByTestId('total').locator('strong')).toHaveText(de.total.toLocaleString('en-US'));
  await page.getByTestId('charts-link').click();
  await expect(page).toHaveURL(/\/charts\?country=Germany$/);
});

test('a language bar toggles its filter', async ({ page, request }) => {
  await open(page, '?country=Russia');
  const ru = await (await request.get('/api/stats?country=Russia&language=Russian')).json();
  await chart(page, 'languages').locator('[data-value="Russian"]').click();
  await expect(page).toHaveURL(/\/charts\?country=Russia&language=Russian$/);
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(ru.total));
  await chart(page, 'languages').locator('[data-value="Russian"]').click();
  await expect(page).toHaveURL(/\/charts\?country=Russia$/);
});

test('the United States get a states map; another country its regions as bars', async ({ page, request }) => {
  const us = await (await request.get('/api/stats?country=United+States')).json();
  const states = (us.states as (Ranked & { country: string })[]).filter((s) => s.country === 'United States' && s.value !== null);
  expect(states.length).toBeGreaterThan(20);
  await open(page, '?country=United+States');
  const map = chart(page, 'states');
  for (const s of states) await expect(map.locator(`path${attr(s.value!)}`), s.value!).toHaveAttribute('data-count', String(s.count));
  await map.locator(`path${attr('Texas')}`).click();
  await expect(page).toHaveURL(/country=United\+States&state=Texas$/);

  await open(page, '?country=Japan');
  await expect(chart(page, 'states').locator('svg[data-chart]')).toHaveCount(0);
  await expect(chart(page, 'states').locator('[data-value="Tokyo"]')).toHaveCount(1);
});

test('the time brush sets from and to in the URL', async ({ page, request }) => {
  const all = await (await request.get('/api/stats?interval=week')).json();
  const weeks: string[] = all.time.rows.map((r: { bucket: string }) => r.bucket);
  await open(page, '?interval=week');
  const travellers = chart(page, 'time').locator('.recharts-brush-traveller');
  await expect(travellers).toHaveCount(2);
  await travellers.first().scrollIntoViewIfNeeded();
  const start = (await travellers.first().boundingBox())!;
  const end = (await travellers.last().boundingBox())!;
  const y = start.y + start.height / 2;
  await page.mouse.move(start.x + start.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(start.x + (end.x - start.x) * 0.3, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const url = new URL(page.url());
  const from = url.searchParams.get('from')!;
  const to = url.searchParams.get('to')!;
  expect(url.searchParams.get('interval')).toBe('week');
  expect(weeks).toContain(from);
  expect(from > weeks[0]!).toBe(true);
  const lastWeek = new Date(`${weeks[weeks.length - 1]}T00:00:00Z`);
  lastWeek.setUTCDate(lastWeek.getUTCDate() + 6);
  expect(to).toBe(lastWeek.toISOString().slice(0, 10));
  const picked = await (await request.get(`/api/stats?from=${from}&to=${to}`)).json();
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(picked.total));
  expect(picked.total).toBeLessThan(all.total);
  await expect(page.getByTestId('chips')).toContainText(`from: ${from}`);
});

test('a chart downloads the API numbers as CSV, and its picture as SVG and PNG', async ({ page, request }) => {
  const q = 'country=Russia&not_language=English';
  const api = await (await request.get(`/api/stats?${q}`)).json();
  await open(page, `?${q}`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-languages').click()]);
  const rows = parseCsv(readFileSync((await csv.path())!, 'utf8'));
  expect(rows[0]).toEqual(['language', 'count', 'flagged']);
  expect(rows.slice(1)).toEqual((api.languages as Ranked[]).map((l) => [l.value ?? '', String(l.count), String(l.flagged)]));
  expect(rows.length).toBeGreaterThan(2);
  // The language chart is drawn without its own filter: English, excluded, is there, drawn lighter.
  expect(api.omitted.languages).toBe('language');
  expect(rows.some((r) => r[0] === 'English')).toBe(true);
  await expect(chart(page, 'languages').locator('[data-value="English"]')).toHaveAttribute('data-chosen', 'false');
  await expect(chart(page, 'languages').locator('[data-value="Russian"]')).toHaveAttribute('data-chosen', 'true');

  const [svg] = await Promise.all([page.waitForEvent('download'), chart(page, 'countries').getByRole('button', { name: 'SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('countries.svg');
  const markup = readFileSync((await svg.path())!, 'utf8');
  expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(markup).toContain('Conversations by country');
  expect(markup).toContain('data-place="Russia"');

  const [png] = await Promise.all([page.waitForEvent('download'), chart(page, 'languages').getByRole('button', { name: 'PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('languages.png');
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
});

test('a moderation category and threshold become filters', async ({ page, request }) => {
  await open(page);
  await chart(page, 'moderation_flagged').locator('.recharts-bar-rectangle').nth(9).click(); // violence, the tenth category
  await expect(page).toHaveURL(/\/charts\?flagged=violence$/);
  const flagged = await (await request.get('/api/stats?flagged=violence')).json();
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(flagged.total));

  const scores = chart(page, 'moderation_scores');
  await expect(scores.getByTestId('score-category')).toHaveValue('violence');
  await scores.getByLabel('score ≥').fill('0.3');
  await scores.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\/charts\?flagged=violence&min_violence=0\.3$/);
  const both = await (await request.get('/api/stats?flagged=violence&min_violence=0.3')).json();
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(both.total));

  // A histogram bin sets its lower edge as the threshold, written as a plain decimal the filter accepts.
  await open(page, '?flagged=violence');
  await chart(page, 'moderation_scores').locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(/\/charts\?flagged=violence&min_violence=0\.0*[1-9]\d*$/);
  const min = new URL(page.url()).searchParams.get('min_violence')!;
  const binned = await (await request.get(`/api/stats?flagged=violence&min_violence=${min}`)).json();
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(binned.total));
});

test('an empty selection shows empty states; a bad parameter a readable notice', async ({ page }) => {
  await page.goto('/charts?country=Germany&language=Korean&model=gpt-4-0314&turns_min=40');
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', '0');
  await expect(page.getByTestId('charts-empty')).toBeVisible();
  await expect(chart(page, 'languages').getByTestId('chart-empty')).toBeVisible();
  await page.goto('/charts?interval=year');
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be shown' })).toContainText('interval must be one of day, week, month');
});
