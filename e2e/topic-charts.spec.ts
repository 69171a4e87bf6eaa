// The Topics section of /charts against the API: each drawn bar carries the API's number at the
// API's key, and a topic bar filters by its topic, by click or from the keyboard.
import { expect, test, type Locator, type Page } from '@playwright/test';

interface Topics {
  split: string | null;
  topics: { value: string | null; label: string | null; count: number; flagged: number }[];
  groups: { value: string; count: number }[];
  cells: { group: string; topic: string | null; count: number }[];
}

const mark = (series: string, key: string, value: number) => `${series} | ${key} | ${Number(value.toPrecision(12))}`;
const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);

async function drawn(figure: Locator, expected: string[]): Promise<string[]> {
  const marks = figure.locator('[data-series]');
  await expect(marks).toHaveCount(expected.length);
  const attrs = await marks.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-series'), e.getAttribute('data-key'), e.getAttribute('data-drawn')]),
  );
  return attrs.map(([s, k, v]) => mark(s ?? '', k ?? '', Number(v))).sort();
}

for (const split of ['language', 'model']) {
  test(`the topic bars carry the API's numbers, ranked and split by ${split}`, async ({ page, request }) => {
    const res = await request.get(`/api/stats/topics?topic_split=${split}`);
    expect(res.ok()).toBe(true);
    const api = (await res.json()) as Topics;
    expect(api.topics.length).toBeGreaterThan(2);
    expect(api.groups.length).toBeGreaterThan(1);
    await page.goto(`/charts?topic_split=${split}`);
    const ranked = chart(page, 'topics');
    await expect(ranked).toHaveAttribute('data-live', 'true');
    const top = api.topics.slice(0, 15).filter((t) => t.count > 0);
    expect(
      await drawn(
        ranked,
        top.map((t) => mark('count', t.value ?? 'unknown', t.count)),
      ),
    ).toEqual(top.map((t) => mark('count', t.value ?? 'unknown', t.count)).sort());
    await expect(ranked).toContainText(api.topics.find((t) => t.value !== null)!.label!);

    // Each group's share of conversations on each of the ten largest topics.
    const of = new Map(api.groups.map((g) => [g.value, g.count]));
    const shown = new Set(
      api.topics
        .filter((t) => t.value !== null)
        .slice(0, 10)
        .map((t) => t.value),
    );
    const shares = api.cells
      .filter((c) => c.count > 0 && shown.has(c.topic))
      .map((c) => mark(c.group, c.topic!, c.count / of.get(c.group)!));
    expect(shares.length).toBeGreaterThan(api.groups.length);
    expect(await drawn(chart(page, 'topic_split'), shares)).toEqual(shares.sort());
    await expect(chart(page, 'topic_split').locator('[data-legend] [data-label]')).toHaveText(api.groups.map((g) => g.value));
  });
}

test('a topic bar filters by its topic, by click and from the keyboard; the others stay in view, lighter', async ({ page, request }) => {
  const api = (await (await request.get('/api/stats/topics')).json()) as Topics;
  const [first, second] = api.topics.filter((t) => t.value !== null);
  await page.goto('/charts');
  const ranked = chart(page, 'topics');
  await expect(ranked).toHaveAttribute('data-live', 'true');
  await ranked.locator(`.recharts-rectangle[data-key="${first!.value}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/charts\\?topic=${first!.value}$`));
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(first!.count));
  await expect(ranked).toHaveAttribute('data-omitted', 'topic');
  await expect(ranked.locator(`[data-key="${first!.value}"]`)).toHaveAttribute('data-chosen', 'true');
  await expect(ranked.locator(`[data-key="${second!.value}"]`)).toHaveAttribute('data-chosen', 'false');
  // The second topic's bar (bars are drawn in the API's order) from the keyboard adds its topic.
  await page.getByTestId('keys-topics').focus();
  for (let i = 0; i <= api.topics.indexOf(second!); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/charts\\?topic=${first!.value}&topic=${second!.value}$`));
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(first!.count + second!.count));
});
