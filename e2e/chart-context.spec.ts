// Charts that keep their context: a chart that filters on a field is drawn without that filter, the
// chosen values standing out and the others lighter, so a second one can be picked; every series of
// a chart has its own colour, in light and dark mode; downloaded pictures say what they show.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

interface Ranked {
  value: string | null;
  count: number;
  flagged: number;
}

const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);

async function open(page: Page, query = '') {
  await page.goto(`/charts${query}`);
  await expect(chart(page, 'countries')).toHaveAttribute('data-live', 'true');
}

/** The bars a ranked chart drew: value, count drawn, chosen or not, and how opaque its fill is. */
const bars = (figure: Locator) =>
  figure.locator('.recharts-rectangle[data-series]').evaluateAll((els) =>
    els.map((e) => ({
      value: e.getAttribute('data-key'),
      drawn: Number(e.getAttribute('data-drawn')),
      chosen: e.getAttribute('data-chosen'),
      opacity: Number(getComputedStyle(e).fillOpacity),
      fill: getComputedStyle(e).fill,
    })),
  );

test('a language chosen on the language chart keeps the others drawn, lighter, with the numbers of the query without it', async ({
  page,
  request,
}) => {
  await open(page);
  await chart(page, 'languages').locator('[data-value="Russian"]').click();
  await expect(page).toHaveURL(/\/charts\?language=Russian$/);

  const api = await (await request.get('/api/stats?language=Russian')).json();
  const without = await (await request.get('/api/stats')).json();
  expect(api.omitted.languages).toBe('language');
  expect(api.omitted_totals.languages).toBe(without.total);
  expect(api.languages).toEqual(without.languages);
  expect(api.total).toBeLessThan(without.total);
  // The other charts keep every filter: the models are Russian conversations' alone.
  expect(api.omitted.models).toBeUndefined();
  expect((api.models as Ranked[]).reduce((a, m) => a + m.count, 0)).toBe(api.total);

  const languages = chart(page, 'languages');
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(api.total));
  await expect(languages).toHaveAttribute('data-omitted', 'language');
  await expect(languages.getByTestId('omitted-languages')).toContainText('without the language filter');
  const shown = (api.languages as Ranked[]).slice(0, 20);
  await expect(languages.locator('.recharts-rectangle[data-series]')).toHaveCount(shown.length);
  const drawn = await bars(languages);
  expect(drawn.map((b) => [b.value, b.drawn])).toEqual(shown.map((l) => [l.value ?? 'unknown', l.count]));
  expect(shown.length).toBeGreaterThan(5);
  for (const b of drawn) {
    expect(b.chosen, b.value!).toBe(String(b.value === 'Russian'));
    expect(b.opacity, b.value!).toBe(b.value === 'Russian' ? 1 : 0.3);
  }
  // A second language is one more click, on a bar that is still there.
  await languages.locator('[data-value="English"]').click();
  await expect(page).toHaveURL(/\/charts\?language=Russian&language=English$/);
  await expect(languages.locator('[data-chosen="true"]')).toHaveCount(2);
  const two = await (await request.get('/api/stats?language=Russian&language=English')).json();
  await expect(page.getByTestId('total')).toHaveAttribute('data-total', String(two.total));
  expect(two.languages).toEqual(without.languages);
});

test('a country chosen on the map keeps every other country on it, lighter', async ({ page, request }) => {
  const without = await (await request.get('/api/stats?language=German')).json();
  const api = await (await request.get('/api/stats?language=German&country=Germany')).json();
  expect(api.omitted).toEqual({ countries: 'country', language_by_country: 'country', languages: 'language' });
  expect(api.countries).toEqual(without.countries);
  expect(api.language_by_country).toEqual(without.language_by_country);
  const places = (without.countries as Ranked[]).filter((c) => c.value !== null);
  expect(places.length).toBeGreaterThan(1);

  await open(page, '?language=German&country=Germany');
  const map = chart(page, 'countries');
  await expect(map.locator('path[data-place]')).toHaveCount(places.length);
  await expect(map.locator('path[data-place="Germany"]')).toHaveAttribute('data-chosen', 'true');
  await expect(map.locator('path[data-place="Germany"]')).toHaveAttribute('aria-pressed', 'true');
  const others = map.locator('path[data-chosen="false"]');
  await expect(others).toHaveCount(places.length - 1);
  expect(await others.first().evaluate((e) => Number(getComputedStyle(e).fillOpacity))).toBe(0.3);
  // The breakdown by country keeps its countries too, Germany's bars standing out.
  const lbc = chart(page, 'language_by_country');
  await expect(lbc.locator('[data-key="Germany"][data-chosen="true"]').first()).toBeVisible();
  expect(await lbc.locator('[data-chosen="false"]').count()).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every series of a multi-series chart has its own colour, as its legend says (${scheme} mode)`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const lbc = (await (await request.get('/api/stats/language_by_country')).json()) as { languages: string[] };
    expect(lbc.languages.length).toBe(10);
    await open(page, '?stack=language');
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const colours: Record<string, Record<string, string>> = {};
    for (const id of ['language_by_country', 'time']) {
      const figure = chart(page, id);
      await expect(figure.locator('[data-series]').first()).toBeAttached();
      const fills = await figure
        .locator('[data-series]')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-series')!, getComputedStyle(e).fill] as const));
      const bySeries = new Map<string, Set<string>>();
      for (const [s, f] of fills) bySeries.set(s, (bySeries.get(s) ?? new Set()).add(f));
      // One colour a series, and no two series alike.
      for (const [s, f] of bySeries) expect(f.size, `${id}: ${s}`).toBe(1);
      const each = Object.fromEntries([...bySeries].map(([s, f]) => [s, [...f][0]!]));
      expect(new Set(Object.values(each)).size, id).toBe(bySeries.size);
      expect(bySeries.size, id).toBeGreaterThanOrEqual(id === 'time' ? 9 : 10);
      // The legend shows the colours the marks are painted with.
      const legend = await figure
        .locator('[data-legend] [data-label] span')
        .evaluateAll((els) => els.map((e) => [e.parentElement!.dataset.label!, getComputedStyle(e).backgroundColor] as const));
      expect(legend.map(([label]) => label).sort(), id).toEqual(Object.keys(each).sort());
      for (const [label, colour] of legend) expect(colour, `${id}: legend ${label}`).toBe(each[label]);
      colours[id] = each;
    }
    // The same language is the same colour in both charts only by its place in each legend, never by a short list's cycle.
    expect(Object.keys(colours.language_by_country!)).toEqual(lbc.languages);
  });
}

test('the palette follows the theme', async ({ page }) => {
  const fills = async () => {
    await open(page);
    return chart(page, 'language_by_country')
      .locator('[data-series]')
      .first()
      .evaluate((e) => getComputedStyle(e).fill);
  };
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await fills();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await fills();
  expect(light).toBe('rgb(105, 41, 196)');
  expect(dark).toBe('rgb(138, 63, 252)');
});

test('a downloaded SVG carries a caption: the filter sentence, the filter the chart leaves out, the dataset', async ({ page }) => {
  await open(page, '?language=Russian&country=Russia');
  const sentence = (await page.getByTestId('sentence').textContent())!.trim();
  expect(sentence).toMatch(/^[\d,]+ conversations in Russian from Russia$/);
  const dataset = (await page.getByTestId('dataset-line').textContent())!;
  expect(dataset).toContain('Synthetic sample');

  const [svg] = await Promise.all([page.waitForEvent('download'), chart(page, 'languages').getByRole('button', { name: 'SVG' }).click()]);
  const markup = readFileSync((await svg.path())!, 'utf8');
  const caption = await page.evaluate((m) => {
    const doc = new DOMParser().parseFromString(m, 'image/svg+xml');
    return [...doc.querySelectorAll('[data-caption] tspan')].map((t) => t.textContent).join(' ');
  }, markup);
  expect(caption).toContain(`${sentence}.`);
  expect(caption).toContain('This chart leaves out the language filter');
  expect(caption).toContain('Data: synthetic sample shaped like WildChat-1M and LMSYS-Chat-1M (not real data).');

  // Colours come from the page's theme variables, which a file does not have: they are written out.
  const [stacked] = await Promise.all([
    page.waitForEvent('download'),
    chart(page, 'language_by_country').getByRole('button', { name: 'SVG' }).click(),
  ]);
  const lbc = readFileSync((await stacked.path())!, 'utf8');
  expect(lbc).not.toContain('var(');
  expect(lbc).toContain('fill="#6929c4"');
  expect(lbc).toContain(`${sentence}.`);
  expect(lbc).toContain('This chart leaves out the country filter');
});
