// The map's colours: a categorical palette for topics and values, a ramp for moderation, and the
// grey that points outside a filter fade to (one per theme).
import type { MapColor } from './params';

/** Twenty categories told apart in light and dark mode (Tableau 20's hues, the pale ones darkened). */
export const CATEGORY = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
  '#1F77B4',
  '#D62728',
  '#2CA02C',
  '#9467BD',
  '#8C564B',
  '#E377C2',
  '#17BECF',
  '#BCBD22',
  '#AEC7E8',
  '#FFBB78',
] as const;
export const OTHER = '#94A3B8';
/** Moderation bands, low to high (viridis' dark end is too dark on the dark background, so it starts at teal). */
export const MODERATION = ['#2C728E', '#28AE80', '#ADDC30', '#E15759'] as const;

/** A point's colour as regl-scatterplot reads it: a hex string, or RGBA from 0 to 1 (it draws a CSS rgba() string white). */
export type PointColour = string | [number, number, number, number];

/** Slate 700 (dark) or slate 300 (light), at 45% opacity. */
export const dimColour = (dark: boolean): PointColour =>
  dark ? [51 / 255, 65 / 255, 85 / 255, 0.45] : [203 / 255, 213 / 255, 225 / 255, 0.45];

/** The colour of legend code `code` of `n` codes for `color`; `other`: the code that stands for the rest. */
export function colourOf(color: MapColor, code: number, other?: boolean): string {
  if (other) return OTHER;
  if (color === 'moderation') return MODERATION[code] ?? OTHER;
  return CATEGORY[code % CATEGORY.length]!;
}

/**
 * The point colours regl-scatterplot indexes by a point's category: the `n` lit colours, then the
 * dimmed one `n` times, so a point outside the filter is its code + n.
 */
export function pointPalette(lit: readonly string[], dark: boolean): PointColour[] {
  return [...lit, ...lit.map(() => dimColour(dark))];
}
