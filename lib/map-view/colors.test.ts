// The point colours in the forms regl-scatterplot reads: a CSS rgba() string, for one, it draws
// white, which turned every dimmed point of a dark map into the brightest thing on it.
import { describe, expect, it } from 'vitest';
import { CATEGORY, pointPalette } from './colors';

/** A colour as regl-scatterplot would read it (RGBA from 0 to 1), or undefined for a form it draws white. */
function read(c: string | number[]): number[] | undefined {
  if (Array.isArray(c)) return c.length === 4 && c.every((x) => x >= 0 && x <= 1) ? c : undefined;
  const m = /^#([0-9a-f]{6})$/i.exec(c);
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, 1];
}
const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

describe('point colours', () => {
  for (const dark of [false, true]) {
    it(`are all readable, and the dimmed ones fade towards the ${dark ? 'dark' : 'light'} background`, () => {
      const lit = CATEGORY.slice(0, 5);
      const palette = pointPalette(lit, dark).map((c) => read(c as string | number[]));
      expect(palette.every(Boolean)).toBe(true);
      const background = dark ? 0 : 1;
      for (let i = 0; i < lit.length; i++) {
        const on = palette[i]!;
        const off = palette[i + lit.length]!;
        expect(off[3]!).toBeLessThan(on[3]!);
        // Composited over the background, a dimmed point is closer to it than the lit one.
        const seen = (c: number[]) => c[3]! * luminance(c) + (1 - c[3]!) * background;
        expect(Math.abs(seen(off) - background)).toBeLessThan(Math.abs(seen(on) - background));
      }
    });
  }
});
