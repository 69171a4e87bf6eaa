export const count = (n: number): string => n.toLocaleString('en-US');

/** A share as a percentage with enough digits to tell small shares apart. */
export function percent(part: number, whole: number): string {
  if (!whole) return '–';
  const p = (100 * part) / whole;
  if (p === 0) return '0%';
  if (p < 0.1) return '<0.1%';
  return `${p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

/** "12,345 (4.5%)" */
export const countShare = (part: number, whole: number): string => `${count(part)} (${percent(part, whole)})`;

/** Short axis ticks: 1.2k, 3.4M. */
export function compact(n: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
