// An id held by two datasets, in the browser: the sample's WildChat files served twice, as `wc` and
// `copy`, by a server of this test's own. A conversation opened in the second dataset keeps naming
// it in everything the page links to or fetches later: turn links, the messages past the head,
// and turn redirects.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ready, start, type Server } from './own-server';

const PORT = Number(process.env.E2E_PORT || 3210) + 7;
const base = `http://127.0.0.1:${PORT}`;
let root: string;
let server: Server;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'wildscope-shared-ids-'));
  // The suite's server generated the sample before any test runs.
  const sample = resolve('data/sample/wildchat');
  server = start(PORT, { WILDSCOPE_DATA: `wc=${sample};copy=${sample}`, WILDSCOPE_CACHE: join(root, 'cache'), WILDSCOPE_PROCESSES: '1' });
  await ready(PORT, server);
});

test.afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
  await server?.exited;
  rmSync(root, { recursive: true, force: true });
});

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a conversation opened in the second dataset holding its id names that dataset in turn links and later fetches', async ({
  page,
  request,
}) => {
  const longest = (await (await request.get(`${base}/api/conversations?sort=turns&limit=1&dataset=copy`)).json()).rows[0];
  const c = await (await request.get(`${base}/api/conversations/${encodeURIComponent(longest.id)}?dataset=copy`)).json();
  expect([c.dataset, c.also_in]).toEqual(['copy', ['wc']]);
  expect(c.messages.length).toBeGreaterThan(60); // more than the page sends at first

  await page.goto(`${base}/c/${encodeURIComponent(c.id)}?dataset=copy`);
  await expect(page.getByTestId('conversation-header').locator('[data-field="Dataset"] dd')).toHaveText('copy');
  await expect(page.getByTestId('also-in').getByRole('link', { name: 'wc' })).toHaveAttribute('href', new RegExp('dataset=wc'));

  // A turn's link copied from the page opens the same dataset's conversation.
  const first = page.locator('[data-turn]').first();
  await first.getByTestId('copy-link').click();
  const tid = await first.getAttribute('data-turn');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${base}/c/${c.id}?dataset=copy#turn-${tid}`);

  // The messages past the head are fetched from the same dataset, not from the first holding the id.
  const fetched = page.waitForRequest((r) => r.url().includes(`/api/conversations/${encodeURIComponent(c.id)}`));
  await page.getByTestId('later-messages').scrollIntoViewIfNeeded();
  expect(new URL((await fetched).url()).searchParams.get('dataset')).toBe('copy');
  const last = page.locator('[data-turn]').last();
  await expect(last).toBeVisible();
  await expect(page.locator('[data-turn]')).toHaveCount(c.messages.length);

  // A turn redirect asked for the second dataset lands on its conversation, still naming it.
  const laterTid = c.messages.at(-1).turn_identifier as string;
  await page.goto(`${base}/t/${laterTid}?dataset=copy`);
  await expect(page).toHaveURL(`${base}/c/${c.id}?dataset=copy#turn-${laterTid}`);
  await expect(page.getByTestId('conversation-header').locator('[data-field="Dataset"] dd')).toHaveText('copy');
});
