import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../test/csv';

const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));
const total = async (page: Page) => num(await page.getByTestId('total').locator('strong').textContent());
const rows = (page: Page) => page.getByTestId('results').locator('tbody tr[data-id]');
const firstId = (page: Page) => rows(page).first().getAttribute('data-id');

test('clicking a facet value filters and changes the other facets’ counts', async ({ page }) => {
  await page.goto('/');
  const before = await total(page);
  const countryCounts = async () => page.locator('[data-facet="country"] [data-count]').allTextContents();
  const countriesBefore = await countryCounts();
  const row = page.locator('[data-facet="language"] li').filter({ has: page.locator('a[data-value="Chinese"]') });
  const expected = num(await row.locator('[data-count]').textContent());
  await row.locator('a[data-value="Chinese"]').click();
  await expect(page).toHaveURL(/language=Chinese/);
  await expect.poll(() => total(page)).toBe(expected);
  expect(expected).toBeLessThan(before);
  expect(await countryCounts()).not.toEqual(countriesBefore);
  await expect(page.locator('[data-facet="language"] a[data-value="Chinese"]')).toHaveAttribute('aria-current', 'true');

  // "not" excludes the value instead.
  await page.goto('/');
  await page
    .locator('[data-facet="language"] li')
    .filter({ has: page.locator('a[data-value="English"]') })
    .hover();
  await page.locator('[data-facet="language"] a[data-not="English"]').click();
  await expect(page).toHaveURL(/not_language=English/);
  const english = await (await page.request.get('/api/conversations?language=English&limit=1')).json();
  await expect.poll(() => total(page)).toBe(before - english.total);
});

test('searches Chinese and Russian words, totals match the API', async ({ page, request }) => {
  const zh = (await (await request.get('/api/conversations?language=Chinese&limit=20')).json()).rows
    .map((r: { preview: string | null }) => /\p{Script=Han}{2}/u.exec(r.preview ?? '')?.[0])
    .find(Boolean) as string;
  const ru = (await (await request.get('/api/conversations?language=Russian&limit=20')).json()).rows
    .map((r: { preview: string | null }) => /\p{Script=Cyrillic}{4,}/u.exec(r.preview ?? '')?.[0])
    .find(Boolean) as string;
  expect(zh).toBeTruthy();
  expect(ru).toBeTruthy();
  for (const word of [zh, ru]) {
    await page.goto('/');
    await page.getByLabel('Search conversations').fill(word);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word).slice(0, 9)}`));
    const api = await (await request.get(`/api/conversations?q=${encodeURIComponent(word)}`)).json();
    expect(api.total).toBeGreaterThan(0);
    await expect.poll(() => total(page)).toBe(api.total);
    expect(await firstId(page)).toBe(api.rows[0].id);
    await expect(page.getByTestId('sentence')).toContainText(`containing “${word}”`);
  }
});

test('a shared URL reproduces the view in a new page', async ({ page, context }) => {
  await page.goto('/?language=Russian&sort=oldest&limit=25&offset=25');
  const t = await total(page);
  const id = await firstId(page);
  await expect(rows(page)).toHaveCount(25);
  const other = await context.newPage();
  await other.goto(page.url());
  expect(await total(other)).toBe(t);
  expect(await firstId(other)).toBe(id);
  await expect(other.getByTestId('range')).toContainText('26–50');
  await other.close();
});

test('sorting and paging change the URL and the rows, not the total', async ({ page }) => {
  await page.goto('/?language=English');
  const t = await total(page);
  const newest = await firstId(page);
  await page.getByLabel('Sort').selectOption('oldest');
  await expect(page).toHaveURL(/sort=oldest/);
  await expect.poll(() => firstId(page)).not.toBe(newest);
  expect(await total(page)).toBe(t);
  const oldest = await firstId(page);

  await page.getByRole('link', { name: 'next ›' }).click();
  await expect(page).toHaveURL(/offset=50/);
  await expect.poll(() => firstId(page)).not.toBe(oldest);
  expect(await total(page)).toBe(t);
  await expect(page.getByTestId('range')).toContainText('51–100');

  await page.getByLabel('Per page').selectOption('25');
  await expect(page).toHaveURL(/limit=25/);
  await expect(rows(page)).toHaveCount(25);
  expect(await total(page)).toBe(t);

  await page.getByRole('link', { name: 'last »' }).click();
  const lastCount = t % 25 || 25;
  await expect(rows(page)).toHaveCount(lastCount);
  await expect(page.getByTestId('range')).toContainText(`${(t - lastCount + 1).toLocaleString('en-US')}–${t.toLocaleString('en-US')}`);

  await page.goBack();
  await expect(rows(page)).toHaveCount(25);
  await expect(page.getByTestId('range')).toContainText('1–25');
});

test('the CSV export link downloads the whole selection', async ({ page, request }) => {
  await page.goto('/?language=French&limit=25');
  const api = await (await request.get('/api/conversations?language=French&limit=1')).json();
  expect(api.total).toBeGreaterThan(25);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const records = parseCsv(readFileSync((await download.path())!, 'utf8'));
  expect(records[0]).toEqual([
    'id',
    'dataset',
    'conversation_hash',
    'model',
    'timestamp',
    'turns',
    'language',
    'country',
    'state',
    'hashed_ip',
    'toxic',
    'redacted',
    'max_moderation',
    'topic',
    'preview',
  ]);
  expect(records.length - 1).toBe(api.total);
  // The map's subtopic, as the listing gives it.
  expect(records[1]?.[records[0]!.indexOf('topic')]).toBe(api.rows[0].topic ?? '');
  expect(new Set(records.slice(1).map((r) => r[records[0]!.indexOf('language')]))).toEqual(new Set(['French']));
  expect(records[1]?.[0]).toBe(api.rows[0].id);

  const jsonl = await request.get('/api/conversations.jsonl?language=French');
  expect(jsonl.headers()['content-type']).toContain('ndjson');
  const lines = (await jsonl.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.length).toBe(api.total);
  expect(lines[0].id).toBe(api.rows[0].id);
  expect(lines[0].messages.length).toBeGreaterThan(0);

  const bad = await request.get('/api/conversations.csv?bogus=1');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).parameter).toBe('bogus');
});

test('the sentence and chips follow the filters; removing a chip removes its filter', async ({ page, request }) => {
  await page.goto('/?language=Russian&country=Russia&from=2023-09-01');
  const sentence = page.getByTestId('sentence');
  await expect(sentence).toContainText('conversations in Russian from Russia since 2023-09-01');
  const chips = page.getByTestId('chips').locator('[data-chip]');
  await expect(chips).toHaveCount(3);
  await page.getByRole('link', { name: 'Remove country: Russia' }).click();
  await expect(page).not.toHaveURL(/country=/);
  await expect(chips).toHaveCount(2);
  await expect(sentence).not.toContainText('from Russia');
  const api = await (await request.get('/api/conversations?language=Russian&from=2023-09-01&limit=1')).json();
  await expect.poll(() => total(page)).toBe(api.total);
});

test('one user: selecting a hashed IP shows their summary', async ({ page, request }) => {
  const facets = await (await request.get('/api/facets')).json();
  const ip = facets.hashed_ip.find((v: { value: string | null }) => v.value).value as string;
  await page.goto(`/?hashed_ip=${encodeURIComponent(ip)}`);
  const api = await (await request.get(`/api/conversations?hashed_ip=${encodeURIComponent(ip)}&limit=1`)).json();
  await expect(page.getByTestId('user-summary')).toBeVisible();
  expect(num(await page.getByTestId('user-conversations').textContent())).toBe(api.total);
  expect(await total(page)).toBe(api.total);
});
