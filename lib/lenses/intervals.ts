// Intervals for paired shares and rates (95%, normal approximation): a difference of two
// proportions (Wald), and a ratio of two rates (on the log scale, Katz; a half added to a zero count).

const Z95 = 1.959963984540054;

/** pa - pb with its 95% interval, for xa of na against xb of nb. */
export function shareDifference(
  xa: number,
  na: number,
  xb: number,
  nb: number,
): { a: number; b: number; diff: number; lo: number; hi: number } {
  const a = na ? xa / na : 0;
  const b = nb ? xb / nb : 0;
  const se = Math.sqrt((na ? (a * (1 - a)) / na : 0) + (nb ? (b * (1 - b)) / nb : 0));
  const diff = a - b;
  return { a, b, diff, lo: diff - Z95 * se, hi: diff + Z95 * se };
}

/** (xa/na) / (xb/nb) with its 95% interval; null where a side has no trials. */
export function rateRatio(xa: number, na: number, xb: number, nb: number): { ratio: number | null; lo: number | null; hi: number | null } {
  if (!na || !nb) return { ratio: null, lo: null, hi: null };
  const half = xa === 0 || xb === 0 ? 0.5 : 0;
  const [ya, yb] = [xa + half, xb + half];
  const ratio = ya / na / (yb / nb);
  const se = Math.sqrt(1 / ya - 1 / na + 1 / yb - 1 / nb);
  return { ratio, lo: ratio * Math.exp(-Z95 * se), hi: ratio * Math.exp(Z95 * se) };
}
