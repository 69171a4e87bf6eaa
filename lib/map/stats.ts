/** The median of a list (the lower middle of an even one); NaN for none. Sorts `xs` in place. */
export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  xs.sort((a, b) => a - b);
  return xs[(xs.length - 1) >> 1]!;
}
