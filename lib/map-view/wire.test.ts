import { describe, expect, it } from 'vitest';
import { decodePoints, encodePoints, POINT_BYTES, QUANT_MAX, type Bounds } from './wire';

const bounds: Bounds = [-3, 10, 5, 12.5];
const points = {
  x: Float32Array.from([-3, 5, 0.25, 1.7, -2.999]),
  y: Float32Array.from([10, 12.5, 11, 10.01, 12.49]),
  topic: Uint16Array.from([0, 65535, 7, 300, 1]),
};
const step = [(bounds[2] - bounds[0]) / QUANT_MAX, (bounds[3] - bounds[1]) / QUANT_MAX];

function expectNear(decoded: ReturnType<typeof decodePoints>) {
  expect(decoded.x.length).toBe(points.x.length);
  points.x.forEach((x, i) => {
    expect(Math.abs(decoded.x[i]! - x), `x of ${i}`).toBeLessThanOrEqual(step[0]! / 2 + 1e-5);
    expect(Math.abs(decoded.y[i]! - points.y[i]!), `y of ${i}`).toBeLessThanOrEqual(step[1]! / 2 + 1e-5);
  });
  expect(Array.from(decoded.topic)).toEqual(Array.from(points.topic));
}

describe('the points answer', () => {
  it('decodes what it encoded, to within half a quantisation step, from an ArrayBuffer or a byte view', () => {
    const bytes = encodePoints(points, bounds);
    expect(bytes.byteLength).toBe(points.x.length * POINT_BYTES);
    expectNear(decodePoints(bytes, bounds));
    expectNear(decodePoints(bytes.slice().buffer, bounds));
  });

  it('decodes bytes that start at an odd offset of their buffer (as a pooled Node buffer may)', () => {
    const bytes = encodePoints(points, bounds);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    expectNear(decodePoints(shifted.subarray(1), bounds));
  });

  it('refuses an answer that is not a whole number of points', () => {
    expect(() => decodePoints(new Uint8Array(POINT_BYTES + 1), bounds)).toThrow(/not a multiple/);
  });
});
