// The map's binary answers, shared by the server that writes them and the page that reads them
// (docs/API.md, "Topic map"). Every number is little-endian.

/** Bytes a point takes in /api/map/points: x, y (uint16, quantised over the bounds) and the level-2 topic's num (uint16). */
export const POINT_BYTES = 6;
/** The largest quantised coordinate: 0 is the bounds' minimum, this their maximum. */
export const QUANT_MAX = 65535;

export type Bounds = [minX: number, minY: number, maxX: number, maxY: number];

export interface PointColumns {
  x: Float32Array;
  y: Float32Array;
  topic: Uint16Array;
}

const quantise = (v: number, lo: number, hi: number) =>
  hi > lo ? Math.min(QUANT_MAX, Math.max(0, Math.round(((v - lo) / (hi - lo)) * QUANT_MAX))) : 0;

/** The points' answer: for point i (its ordinal), bytes 6i..6i+5 hold x, y and topic as uint16. */
export function encodePoints(points: PointColumns, bounds: Bounds): Uint8Array {
  const n = points.x.length;
  const out = new Uint8Array(n * POINT_BYTES);
  const view = new DataView(out.buffer);
  const [x0, y0, x1, y1] = bounds;
  for (let i = 0; i < n; i++) {
    view.setUint16(i * POINT_BYTES, quantise(points.x[i]!, x0, x1), true);
    view.setUint16(i * POINT_BYTES + 2, quantise(points.y[i]!, y0, y1), true);
    view.setUint16(i * POINT_BYTES + 4, points.topic[i]!, true);
  }
  return out;
}

/** Reads the points' answer back into map coordinates (to within the quantisation step) and topic nums. */
export function decodePoints(bytes: ArrayBuffer | Uint8Array, bounds: Bounds): PointColumns {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength % POINT_BYTES) throw new Error(`the points answer is ${u8.byteLength} bytes, not a multiple of ${POINT_BYTES}`);
  const n = u8.byteLength / POINT_BYTES;
  const w = words(u8);
  const [x0, y0, x1, y1] = bounds;
  const sx = (x1 - x0) / QUANT_MAX;
  const sy = (y1 - y0) / QUANT_MAX;
  const out = { x: new Float32Array(n), y: new Float32Array(n), topic: new Uint16Array(n) };
  for (let i = 0, k = 0; i < n; i++, k += 3) {
    out.x[i] = x0 + w[k]! * sx;
    out.y[i] = y0 + w[k + 1]! * sy;
    out.topic[i] = w[k + 2]!;
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes as little-endian uint16s: a view where the platform allows (a DataView call a number costs ~0.1 s more at 800k). */
function words(u8: Uint8Array): Uint16Array {
  if (LITTLE_ENDIAN && u8.byteOffset % 2 === 0) return new Uint16Array(u8.buffer, u8.byteOffset, u8.byteLength / 2);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const out = new Uint16Array(u8.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint16(i * 2, true);
  return out;
}

/** Bytes of a bitset over `points` ordinals: one bit each, ordinal i at bit (i & 7) of byte (i >> 3). */
export const bitsetBytes = (points: number) => Math.ceil(points / 8);

export const hasBit = (bits: Uint8Array, i: number) => (bits[i >> 3]! & (1 << (i & 7))) !== 0;

export function setBit(bits: Uint8Array, i: number): void {
  bits[i >> 3]! |= 1 << (i & 7);
}

/** How many bits are set. */
export function countBits(bits: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let b = bits[i]!;
    while (b) {
      b &= b - 1;
      n++;
    }
  }
  return n;
}

/** The ordinals whose bits are set, in increasing order. */
export function ordinalsOf(bits: Uint8Array, points: number): Uint32Array {
  const out = new Uint32Array(countBits(bits));
  let k = 0;
  for (let i = 0; i < points; i++) if (hasBit(bits, i)) out[k++] = i;
  return out;
}

/** The legend of /api/map/values: code i (a byte per point) means values[i]; 255 is a point with no value. */
export const NO_VALUE = 255;
