// The series palettes: enough colours that no two series of a chart share one, each far from the
// others and readable on its theme's surface, and the CSS the marks are painted from says the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { onWhite, OTHER, SERIES_DARK, SERIES_LIGHT, seriesColour } from './palette';

const linear = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
/** CIE L*a*b* (D65) and the CIE76 difference: about 2 is just noticeable, 20 is plainly another colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = rgb(hex);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

// The cards' surfaces: white, and in dark mode --color-white (app/globals.css), slate-900.
const SURFACES = [
  ['light', SERIES_LIGHT, '#ffffff'],
  ['dark', SERIES_DARK, '#0f172a'],
] as const;

describe('series colours', () => {
  for (const [theme, palette, surface] of SURFACES) {
    it(`${theme}: at least 12 colours, each plainly unlike the others and 3:1 against the surface`, () => {
      expect(palette.length).toBeGreaterThanOrEqual(12);
      for (let i = 0; i < palette.length; i++) {
        expect(contrast(palette[i]!, surface), `${palette[i]} on ${surface}`).toBeGreaterThanOrEqual(3);
        for (let j = i + 1; j < palette.length; j++) {
          expect(deltaE(palette[i]!, palette[j]!), `${palette[i]} vs ${palette[j]}`).toBeGreaterThanOrEqual(20);
        }
      }
    });
  }

  it('are the variables app/globals.css declares for each theme', () => {
    const css = readFileSync('app/globals.css', 'utf8');
    const block = (selector: string) => css.slice(css.indexOf(`${selector} {`), css.indexOf('}', css.indexOf(`${selector} {`)));
    const declared = (selector: string) => [...block(selector).matchAll(/--series-(\d+): (#[0-9a-f]{6});/g)].map((m) => m[2]);
    expect(declared(':root')).toEqual([...SERIES_LIGHT]);
    expect(declared("html[data-theme='dark']")).toEqual([...SERIES_DARK]);
  });

  it('gives every series of a chart its own colour, "other" grey, resolved to the light palette for files', () => {
    const keys = [
      'English',
      'Chinese',
      'Russian',
      'French',
      'Spanish',
      'Portuguese',
      'German',
      'Arabic',
      'Italian',
      'Turkish',
      'Japanese',
      'Korean',
    ];
    const colours = keys.map((k, i) => seriesColour(k, i));
    expect(new Set(colours).size).toBe(keys.length);
    expect(new Set(colours.map(onWhite)).size).toBe(keys.length);
    expect(colours.map(onWhite)).toEqual(SERIES_LIGHT.slice(0, keys.length));
    expect(seriesColour('other', 3)).toBe(OTHER);
    expect(onWhite(`url(#a) ${seriesColour('x', 2)}`)).toBe(`url(#a) ${SERIES_LIGHT[2]}`);
  });
});
