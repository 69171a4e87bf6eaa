import { describe, expect, it } from 'vitest';
import { buildSpatialIndex, emptySpatialIndex } from './spatial-index';

/**
 * regl-scatterplot's own builder, from its ES module (the package's main file is a browser bundle
 * without it); the library reads `window` when it loads, which Node lacks.
 */
async function libraryIndex(x: Float32Array, y: Float32Array): Promise<ArrayBuffer> {
  const g = globalThis as { window?: unknown };
  g.window ??= globalThis;
  const lib = (await import('regl-scatterplot/dist/regl-scatterplot.esm.js')) as typeof import('regl-scatterplot');
  return lib.createSpatialIndex({ x, y }, false);
}

/** Points in [-1, 1]², clustered and with repeated coordinates, as a map's are (quantised). */
function points(n: number, seed: number): { x: Float32Array; y: Float32Array } {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * 7);
    x[i] = Math.round(((c / 7 - 0.5) * 1.6 + (rand() - 0.5) * 0.3) * 4096) / 4096;
    y[i] = Math.round(((((c * 3) % 7) / 7 - 0.5) * 1.6 + (rand() - 0.5) * 0.3) * 4096) / 4096;
  }
  return { x, y };
}

describe('spatial index', () => {
  it.each([
    ['few points (16-bit ids)', 5_001],
    ['many points (32-bit ids)', 70_003],
  ])('is byte for byte regl-scatterplot’s index, for %s', async (_, n) => {
    const { x, y } = points(n, n);
    const ours = new Uint8Array(buildSpatialIndex(x, y));
    const theirs = new Uint8Array(await libraryIndex(x, y));
    expect(ours.length).toBe(theirs.length);
    expect(Buffer.compare(ours, theirs)).toBe(0);
  });

  it('has an empty stand-in of the same layout, whose points are all off the map', () => {
    const n = 70_003;
    const { x, y } = points(n, 3);
    const real = buildSpatialIndex(x, y);
    const empty = emptySpatialIndex(n);
    expect(empty.byteLength).toBe(real.byteLength);
    expect(new Uint8Array(empty, 0, 8)).toEqual(new Uint8Array(real, 0, 8));
    const coords = new Float64Array(empty, empty.byteLength - n * 16, n * 2);
    expect(coords.every((v) => Math.abs(v) > 1e6)).toBe(true);
  });
});
