// Seeded generators (mulberry32), so that the same seed gives the same map, benchmark mix and fixtures.

/** mulberry32: uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers (Box-Muller) from a uniform generator. */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `k` distinct integers of [0, n), in increasing order (a partial Fisher-Yates shuffle). */
export function sampleIndexes(n: number, k: number, random: () => number): Uint32Array {
  if (k >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  const swapped = new Map<number, number>();
  const out = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out[i] = vj;
  }
  return out.sort();
}
