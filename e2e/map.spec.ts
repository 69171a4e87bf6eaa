import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { decodePoints, type Bounds, type PointColumns } from '../lib/map-view/wire';

interface MapInfo {
  points: number;
  bounds: Bounds;
  topics: { id: string; parent: string | null }[];
}

async function mapData(request: APIRequestContext): Promise<{ info: MapInfo; pts: PointColumns }> {
  const info = (await (await request.get('/api/map')).json()) as MapInfo;
  const body = await (await request.get('/api/map/points')).body();
  return { info, pts: decodePoints(new Uint8Array(body), info.bounds) };
}

async function openMap(page: Page, query = '') {
  await page.goto(`/map${query}`);
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas).toHaveAttribute('data-state', 'ready');
  return canvas;
}

/**
 * Where each point is on the screen: the map coordinates in view (the page reports its scales'
 * domains) spread over the canvas, y up.
 */
async function projector(page: Page, pts: PointColumns) {
  const canvas = page.getByTestId('map-canvas');
  const [x0, x1] = (await canvas.getAttribute('data-x-domain'))!.split(',').map(Number) as [number, number];
  const [y0, y1] = (await canvas.getAttribute('data-y-domain'))!.split(',').map(Number) as [number, number];
  const box = (await canvas.locator('canvas').boundingBox())!;
  const at = (i: number): [number, number] => [
    box.x + ((pts.x[i]! - x0) / (x1 - x0)) * box.width,
    box.y + (1 - (pts.y[i]! - y0) / (y1 - y0)) * box.height,
  ];
  return { at, box };
}

test('the map draws every point, hovering one shows its first message, clicking it opens the conversation', async ({ page, request }) => {
  const { info, pts } = await mapData(request);
  expect(info.points).toBeGreaterThan(1000);
  const canvas = await openMap(page);
  await expect(page.getByTestId('map-count')).toHaveAttribute('data-points', String(info.points));
  await expect(page.getByTestId('map-count')).toContainText(`${info.points.toLocaleString('en-US')} conversations on the map`);
  await expect(canvas).toHaveAttribute('data-lit', String(info.points));
  await expect(page.getByTestId('map-labels').locator('span').first()).toBeVisible();

  // Zoomed in (the buttons, as the keyboard would), the point well inside the view farthest from any other, so the pointer finds it alone.
  const whole = await canvas.getAttribute('data-x-domain');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const span = (d: string) => Number(d.split(',')[1]) - Number(d.split(',')[0]);
  await expect.poll(async () => span((await canvas.getAttribute('data-x-domain'))!) * 1.5 ** 3).toBeCloseTo(span(whole!), 3);
  const { at, box } = await projector(page, pts);
  const screen = Array.from({ length: info.points }, (_, i) => at(i));
  const inside = ([x, y]: [number, number]) =>
    x > box.x + 40 && x < box.x + box.width - 40 && y > box.y + 40 && y < box.y + box.height - 40;
  const nearest = (i: number) =>
    screen.reduce((d, q, j) => (j === i ? d : Math.min(d, Math.hypot(screen[i]![0] - q[0], screen[i]![1] - q[1]))), Infinity);
  let ord = -1;
  let room = 0;
  screen.forEach((p, i) => {
    if (!inside(p)) return;
    const d = nearest(i);
    if (d > room) [ord, room] = [i, d];
  });
  expect(room).toBeGreaterThan(8);
  expect(ord).toBeGreaterThanOrEqual(0);
  const [sx, sy] = screen[ord]!;
  await page.mouse.move(sx, sy);
  const tip = page.getByTestId('map-tooltip');
  await expect(tip).toHaveAttribute('data-ord', String(ord));
  await expect(tip).toHaveAttribute('data-id', /.+/);
  const id = (await tip.getAttribute('data-id'))!;
  // The tooltip shows the start of the conversation's first user message, as the conversation API reads it.
  const conversation = await (await request.get(`/api/conversations/${id}`)).json();
  const first = (conversation.messages as { role: string; content: string }[]).find((m) => m.role === 'user' && m.content.trim())!;
  const opening = first.content.replace(/\s+/g, ' ').trim().slice(0, 40);
  await expect(tip).toContainText(opening);

  await page.mouse.click(sx, sy);
  await expect(page).toHaveURL(new RegExp(`/c/${id}(\\?|$)`));
  await expect(page.locator('h1')).toBeVisible();
});

test("the filter's lit points are as many as the listing's total restricted to the map", async ({ page, request }) => {
  const { info } = await mapData(request);
  const facets = await (await request.get('/api/facets')).json();
  const language = (facets.language as { value: string; count: number }[])[0]!.value;
  const onTheMap = info.topics
    .filter((t) => t.parent === null)
    .map((t) => `topic=${encodeURIComponent(t.id)}`)
    .join('&');
  const listed = (await (await request.get(`/api/conversations?language=${encodeURIComponent(language)}&${onTheMap}&limit=1`)).json())
    .total as number;
  expect(listed).toBeGreaterThan(0);
  expect(listed).toBeLessThan(info.points);
  const canvas = await openMap(page, `?language=${encodeURIComponent(language)}`);
  await expect(canvas).toHaveAttribute('data-lit', String(listed));
  await expect(page.getByTestId('map-count')).toHaveAttribute('data-matches', String(listed));
  await expect(page.getByTestId('map-count')).toContainText(
    `${listed.toLocaleString('en-US')} of ${info.points.toLocaleString('en-US')} conversations on the map match`,
  );
  await expect(page.getByTestId('chips')).toContainText(`language: ${language}`);
  // Explore and the charts keep the filter, and come back to the map with it.
  await expect(page.getByTestId('results-link')).toHaveAttribute('href', `/?language=${encodeURIComponent(language).replace(/%20/g, '+')}`);
  await page.getByTestId('results-link').click();
  await expect(page.getByTestId('map-link')).toHaveAttribute('href', /^\/map\?language=/);
  await page.getByTestId('map-link').click();
  await expect(page.getByTestId('map-canvas')).toHaveAttribute('data-lit', String(listed));
});

test('colour by language shows its legend; a lasso around some points lists them and hands them to explore', async ({ page, request }) => {
  const { info, pts } = await mapData(request);
  await openMap(page, '?color=language');
  await expect(page.getByTestId('map-legend')).toContainText('English');
  const { at, box } = await projector(page, pts);
  // A box around the point nearest the view's centre, small enough to hold a few points.
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const screen = Array.from({ length: info.points }, (_, i) => at(i));
  const centre = screen.reduce((best, p) => (Math.hypot(p[0] - cx, p[1] - cy) < Math.hypot(best[0] - cx, best[1] - cy) ? p : best));
  const half = 25;
  const within = (m: number) => screen.filter(([x, y]) => Math.abs(x - centre[0]) < half + m && Math.abs(y - centre[1]) < half + m).length;
  await page.getByTestId('lasso-toggle').click();
  const corners: [number, number][] = [
    [centre[0] - half, centre[1] - half],
    [centre[0] + half, centre[1] - half],
    [centre[0] + half, centre[1] + half],
    [centre[0] - half, centre[1] + half],
    [centre[0] - half, centre[1] - half],
  ];
  await page.mouse.move(...corners[0]!);
  await page.mouse.down();
  for (const c of corners.slice(1)) await page.mouse.move(c[0], c[1], { steps: 8 });
  await page.mouse.up();
  const selection = page.getByTestId('map-selection');
  await expect(selection).toBeVisible();
  const title = (await selection.locator('h2').textContent())!;
  const selected = Number(/^([\d,]+)/.exec(title)![1]!.replace(/,/g, ''));
  // Points within a few pixels of the box's edges may fall either way.
  expect(selected).toBeGreaterThanOrEqual(within(-3));
  expect(selected).toBeLessThanOrEqual(within(3));
  await expect(selection.locator('ol li')).toHaveCount(Math.min(selected, 50));
  const explore = selection.getByTestId('selection-explore');
  await explore.click();
  await expect(page).toHaveURL(/\/\?/);
  const total = Number(
    await page
      .getByTestId('total')
      .locator('strong')
      .first()
      .textContent()
      .then((t) => t!.replace(/,/g, '')),
  );
  expect(total).toBeGreaterThanOrEqual(selected > 100 ? 1 : selected);
});

test('the map page alone allows the WebGL library its run-time code, and draws and indexes with no policy violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/map');
  expect(res!.headers()['content-security-policy']).toContain("'unsafe-eval'");
  await expect(page.getByTestId('map-canvas')).toHaveAttribute('data-state', 'ready');
  // The spatial index is built in a worker after the first frame: the policy must let it start.
  await page.waitForFunction(() => performance.getEntriesByName('map:indexed').length > 0);
  expect(violations).toEqual([]);
  const explore = await page.request.get('/');
  expect(explore.headers()['content-security-policy']).not.toContain('unsafe-eval');
});
