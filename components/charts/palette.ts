// Colours of the charts. Series take IBM Carbon's categorical palettes (14 colours each, in an
// order that keeps neighbours apart): one made for white surfaces and one for dark ones, each
// colour at least 3:1 against its surface. Marks are painted with `var(--series-<i>)`, which
// app/globals.css sets from these lists for the theme in use; downloads (drawn on white) resolve
// them to the light list. Magnitudes use viridis.
export const SERIES_LIGHT = [
  '#6929c4',
  '#1192e8',
  '#005d5d',
  '#9f1853',
  '#fa4d56',
  '#570408',
  '#198038',
  '#002d9c',
  '#ee538b',
  '#b28600',
  '#009d9a',
  '#012749',
  '#8a3800',
  '#a56eff',
] as const;
export const SERIES_DARK = [
  '#8a3ffc',
  '#33b1ff',
  '#007d79',
  '#ff7eb6',
  '#fa4d56',
  '#fff1f1',
  '#6fdc8c',
  '#4589ff',
  '#d12771',
  '#d2a106',
  '#08bdba',
  '#bae6ff',
  '#ba4e00',
  '#d4bbff',
] as const;
export const OTHER = '#9CA3AF';
export const PRIMARY = '#0072B2';
export const HIGHLIGHT = '#D55E00';
export const NO_DATA = '#E5E7EB';
/** How strongly values not chosen are drawn beside chosen ones (fill-opacity). */
export const UNCHOSEN_OPACITY = 0.3;

/**
 * The colour of the i-th series of a chart (its place in the chart's legend); "other" is always grey.
 * There are fewer series than colours (at most 10 languages, or 8 stack values and other), so none
 * shares a colour; past the palette's end a series would be drawn grey, never reusing one.
 */
export const seriesColour = (key: string, i: number): string =>
  key === 'other' || i >= SERIES_LIGHT.length ? OTHER : `var(--series-${i})`;

/** A series colour as the light palette's hex, for files drawn on white; other colours as they are. */
export const onWhite = (colour: string): string =>
  colour.replace(/var\(--series-(\d+)\)/g, (_, i: string) => SERIES_LIGHT[Number(i)] ?? OTHER);

// Viridis sampled at nine even steps (matplotlib's published colour map).
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Viridis at t in [0, 1]; low values are dark purple, high values bright yellow. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = channels(VIRIDIS[i]!);
  const b = channels(VIRIDIS[i + 1]!);
  return `#${a
    .map((v, k) =>
      Math.round(v + (b[k]! - v) * f)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
