// The map's spatial index in the serialised KDBush format regl-scatterplot reads (KDBush 4, format
// version 1: float64 coordinates, node size 64, as its createSpatialIndex writes them), built from
// typed columns without the library: the page builds it in a worker (components/map/index-worker.ts),
// where the library cannot be loaded (it touches the DOM when it loads). The build is KDBush's own
// (ISC, Vladimir Agafonkin): a kd-sort by Floyd-Rivest selection.

const HEADER_BYTES = 8;
const NODE_SIZE = 64;
/** Format version 1, array type 8 (Float64Array in KDBush's list of array types). */
const VERSION_AND_TYPE = (1 << 4) + 8;

/** Where the ids and the coordinates of `n` points sit in the index's bytes. */
export function spatialIndexLayout(n: number): { bytes: number; idsWide: boolean; coordsOffset: number } {
  const idsWide = n >= 65536;
  const ids = n * (idsWide ? 4 : 2);
  const coordsOffset = HEADER_BYTES + ids + ((8 - (ids % 8)) % 8);
  return { bytes: coordsOffset + n * 16, idsWide, coordsOffset };
}

function header(data: ArrayBuffer, n: number): void {
  new Uint8Array(data, 0, 2).set([0xdb, VERSION_AND_TYPE]);
  new Uint16Array(data, 2, 1)[0] = NODE_SIZE;
  new Uint32Array(data, 4, 1)[0] = n;
}

/**
 * An index of `n` points all far off the map, so nothing is found in it: the scatterplot can be
 * given it before the real one is built, then the real one's bytes copied over it (the library
 * keeps views on the buffer it is given).
 */
export function emptySpatialIndex(n: number): ArrayBuffer {
  const { bytes, coordsOffset } = spatialIndexLayout(n);
  const data = new ArrayBuffer(bytes);
  header(data, n);
  new Float64Array(data, coordsOffset, n * 2).fill(1e9);
  return data;
}

/** The index of points (x[i], y[i]); byte for byte what regl-scatterplot's createSpatialIndex makes of them. */
export function buildSpatialIndex(x: Float32Array, y: Float32Array): ArrayBuffer {
  const n = x.length;
  const { bytes, idsWide, coordsOffset } = spatialIndexLayout(n);
  const data = new ArrayBuffer(bytes);
  header(data, n);
  const ids = idsWide ? new Uint32Array(data, HEADER_BYTES, n) : new Uint16Array(data, HEADER_BYTES, n);
  const coords = new Float64Array(data, coordsOffset, n * 2);
  for (let i = 0; i < n; i++) {
    ids[i] = i;
    coords[2 * i] = x[i]!;
    coords[2 * i + 1] = y[i]!;
  }
  sort(ids, coords, 0, n - 1, 0);
  return data;
}

type Ids = Uint16Array | Uint32Array;

function sort(ids: Ids, coords: Float64Array, left: number, right: number, axis: number): void {
  if (right - left <= NODE_SIZE) return;
  const m = (left + right) >> 1;
  select(ids, coords, m, left, right, axis);
  sort(ids, coords, left, m - 1, 1 - axis);
  sort(ids, coords, m + 1, right, 1 - axis);
}

/** Rearranges items so that the k-th is in place on `axis`, smaller ones before it and larger after. */
function select(ids: Ids, coords: Float64Array, k: number, left: number, right: number, axis: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(ids, coords, k, newLeft, newRight, axis);
    }
    const t = coords[2 * k + axis]!;
    let i = left;
    let j = right;
    swapItem(ids, coords, left, k);
    if (coords[2 * right + axis]! > t) swapItem(ids, coords, left, right);
    while (i < j) {
      swapItem(ids, coords, i, j);
      i++;
      j--;
      while (coords[2 * i + axis]! < t) i++;
      while (coords[2 * j + axis]! > t) j--;
    }
    if (coords[2 * left + axis] === t) swapItem(ids, coords, left, j);
    else {
      j++;
      swapItem(ids, coords, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swapItem(ids: Ids, coords: Float64Array, i: number, j: number): void {
  const id = ids[i]!;
  ids[i] = ids[j]!;
  ids[j] = id;
  const x = coords[2 * i]!;
  const y = coords[2 * i + 1]!;
  coords[2 * i] = coords[2 * j]!;
  coords[2 * i + 1] = coords[2 * j + 1]!;
  coords[2 * j] = x;
  coords[2 * j + 1] = y;
}
