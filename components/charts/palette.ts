// Colours readable by colour-blind readers: Okabe-Ito for categories, viridis for magnitudes.
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'] as const;
export const OTHER = '#9CA3AF';
export const PRIMARY = '#0072B2';
export const HIGHLIGHT = '#D55E00';
export const NO_DATA = '#E5E7EB';

/** The colour of the i-th series; "other" is always grey. */
export const seriesColour = (key: string, i: number): string => (key === 'other' ? OTHER : OKABE_ITO[i % OKABE_ITO.length]!);

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
