// A log10 value axis for recharts: recharts needs an explicit positive domain and zero-free values.

/** Domain and power-of-ten ticks covering the positive values. */
export function logAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v) => v > 0);
  if (!positive.length) return { domain: [1, 10], ticks: [1, 10] };
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive))));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) ticks.push(10 ** e);
  return { domain: [10 ** lo, 10 ** hi], ticks };
}

/** Zero has no place on a log axis: it is drawn as no bar rather than a broken one. */
export const orNull = (v: number): number | null => (v > 0 ? v : null);

/** A score bin's lower edge, readable: 1e-6, 1e-4, 0.01, 0.5. */
export function edge(v: number): string {
  if (v === 0) return '0';
  if (v < 0.01) return v.toExponential(0);
  return String(Number(v.toPrecision(2)));
}

/** A score as the `min_<category>` parameter accepts it: plain decimals, three significant digits. */
export function scoreParam(v: number): string {
  if (v >= 1) return '1';
  if (v <= 0) return '0';
  return Number(v.toPrecision(3)).toFixed(12).replace(/0+$/, '');
}
