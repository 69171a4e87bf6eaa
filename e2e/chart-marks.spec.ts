// What each chart that combines several series draws, compared with the API's numbers for the same
// query: every bar and line point carries its series, its key (a bin's lower edge, a bucket, a
// country, a category) and the value it was drawn from (components/charts/marks.tsx).
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

interface Bin {
  lo: number;
  hi: number;
  count: number;
}
interface Shape {
  turns: Bin[];
  lengths: { role: string; bins: Bin[] }[];
}
interface Moderation {
  split: string | null;
  groups: string[];
  categories: { category: string; group: string; scored: number; flagged: number }[];
  histograms: { category: string; group: string; bins: Bin[] }[];
  detoxify: { key: string; group: string; scored: number; bins: Bin[] }[];
}
interface Time {
  stack: string | null;
  keys: string[];
  rows: { bucket: string; count: number; by?: Record<string, number> }[];
}
interface LanguageByCountry {
  languages: string[];
  countries: string[];
  cells: { language: string; country: string; count: number }[];
}

/** A mark as "series | key | value"; shares rounded so that both sides print alike. */
type Mark = string;
const mark = (series: string, key: string | number, value: number): Mark => `${series} | ${key} | ${Number(value.toPrecision(12))}`;
const sorted = (marks: Mark[]) => [...marks].sort();
const share = (part: number, whole: number) => (whole ? part / whole : 0);

const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);

/** The marks a chart drew, once it drew as many as expected (charts draw after hydration). */
async function drawn(figure: Locator, expected: Mark[]): Promise<Mark[]> {
  const marks = figure.locator('[data-series]');
  await expect(marks).toHaveCount(expected.length);
  const attrs = await marks.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-series'), e.getAttribute('data-key'), e.getAttribute('data-drawn')]),
  );
  return sorted(attrs.map(([s, k, v]) => mark(s ?? '', k ?? '', Number(v))));
}

const api = async <T>(request: APIRequestContext, chartName: string, query: string): Promise<T> => {
  const res = await request.get(`/api/stats/${chartName}?${query}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
};

// Every chart draws nothing for a zero (no bar on a linear axis, no point on a log one), so the
// expected marks are the API's non-zero values.
const binMarks = (series: string, bins: Bin[], value: (b: Bin) => number = (b) => b.count) =>
  bins.filter((b) => b.count > 0).map((b) => mark(series, b.lo, value(b)));

const QUERIES = ['', 'split=role&stack=language', 'split=language&stack=model'];

for (const query of QUERIES) {
  test(`each merged chart draws the API's numbers at the API's keys (${query || 'no options'})`, async ({ page, request }) => {
    const [shape, moderation, time, lbc] = await Promise.all([
      api<Shape>(request, 'shape', query),
      api<Moderation>(request, 'moderation', query),
      api<Time>(request, 'time', query),
      api<LanguageByCountry>(request, 'language_by_country', query),
    ]);
    await page.goto(`/charts?${query}`);
    await expect(chart(page, 'countries')).toHaveAttribute('data-live', 'true');

    // Message lengths: the roles' bins start at different edges in the sample, which is what
    // position-based merging got wrong (assistant bins drawn at the user's shortest lengths).
    const lengthsOf = (role: string) => shape.lengths.find((l) => l.role === role)!;
    const [user, assistant] = [lengthsOf('user'), lengthsOf('assistant')];
    expect(user.bins[0]!.lo).not.toBe(assistant.bins[0]!.lo);
    const lengths = await drawn(
      chart(page, 'lengths'),
      shape.lengths.flatMap((l) => binMarks(l.role, l.bins)),
    );
    expect(lengths).toEqual(sorted(shape.lengths.flatMap((l) => binMarks(l.role, l.bins))));
    const lowest = assistant.bins.find((b) => b.count > 0)!;
    expect(lengths).toContain(mark('assistant', lowest.lo, lowest.count));

    const turns = sorted(binMarks('count', shape.turns));
    expect(await drawn(chart(page, 'turns'), turns)).toEqual(turns);

    // Score histograms: the category shown, a count per bin, or each group's share when split.
    const split = moderation.split !== null;
    const scoresChart = chart(page, 'moderation_scores');
    const category = await scoresChart.getByTestId('score-category').inputValue();
    const scores = sorted(
      moderation.histograms
        .filter((h) => h.category === category)
        .flatMap((h) => {
          const all = h.bins.reduce((a, b) => a + b.count, 0);
          return binMarks(h.group, h.bins, (b) => (split ? share(b.count, all) : b.count));
        }),
    );
    expect(await drawn(scoresChart, scores)).toEqual(scores);

    // Detoxify: every score's counts, or the shown score's share per group when split.
    const detoxChart = chart(page, 'detoxify');
    const key = split ? await detoxChart.locator('select').inputValue() : null;
    const detox = sorted(
      moderation.detoxify
        .filter((h) => key === null || h.key === key)
        .flatMap((h) => binMarks(split ? h.group : h.key, h.bins, (b) => (split ? share(b.count, h.scored) : b.count))),
    );
    expect(detox.length).toBeGreaterThan(0);
    expect(await drawn(detoxChart, detox)).toEqual(detox);

    const flagged = sorted(
      moderation.categories.filter((c) => c.flagged > 0).map((c) => mark(c.group, c.category, share(c.flagged, c.scored))),
    );
    expect(await drawn(chart(page, 'moderation_flagged'), flagged)).toEqual(flagged);

    const stacked = sorted(
      time.rows.flatMap((r) =>
        time.stack
          ? time.keys.filter((k) => (r.by?.[k] ?? 0) > 0).map((k) => mark(k, r.bucket, r.by![k]!))
          : r.count > 0
            ? [mark('count', r.bucket, r.count)]
            : [],
      ),
    );
    expect(await drawn(chart(page, 'time'), stacked)).toEqual(stacked);

    const cells = sorted(
      lbc.cells
        .filter((c) => c.count > 0 && lbc.countries.includes(c.country) && lbc.languages.includes(c.language))
        .map((c) => mark(c.language, c.country, c.count)),
    );
    expect(await drawn(chart(page, 'language_by_country'), cells)).toEqual(cells);
  });
}
