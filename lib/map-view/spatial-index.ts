// The map's spatial index in the serialised KDBush format regl-scatterplot reads (KDBush 4,
// float64 coordinates, node size 64, as its createSpatialIndex writes them), built with the
// `kdbush` package itself: the page builds it in a worker (components/map/index-worker.ts), where
// regl-scatterplot cannot be loaded (it touches the DOM when it loads).
import KDBush from 'kdbush';
import { pointWords } from './wire';

const NODE_SIZE = 64;

/**
 * An index of `n` points all far off the map, so nothing is found in it: the scatterplot can be
 * given it before the real one is built, then the real one's bytes copied over it (the library
 * keeps views on the buffer it is given).
 */
export function emptySpatialIndex(n: number): ArrayBuffer {
  const index = new KDBush(n, NODE_SIZE, Float64Array);
  index.coords.fill(1e9);
  return index.data as ArrayBuffer;
}

/** The index of points (x[i], y[i]); byte for byte what regl-scatterplot's createSpatialIndex makes of them. */
export function buildSpatialIndex(x: Float32Array, y: Float32Array): ArrayBuffer {
  const index = new KDBush(x.length, NODE_SIZE, Float64Array);
  for (let i = 0; i < x.length; i++) index.add(x[i]!, y[i]!);
  index.finish();
  return index.data as ArrayBuffer;
}

/**
 * The index of the points' answer (lib/map-view/wire.ts) over its quantised coordinates, before
 * the map's bounds are known: the page starts it as soon as the points arrive. Its tree is the one
 * the drawn coordinates make (they grow with the quantised ones, so every comparison the build
 * makes comes out the same); `placeSpatialIndex` then writes the drawn coordinates in.
 */
export function buildQuantisedIndex(words: Uint16Array): ArrayBuffer {
  const n = words.length / 3;
  const index = new KDBush(n, NODE_SIZE, Float64Array);
  for (let k = 0; k < words.length; k += 3) index.add(words[k]!, words[k + 1]!);
  index.finish();
  return index.data as ArrayBuffer;
}

/** Writes each indexed point's drawn coordinates (x[i], y[i]) over its quantised ones, in place. */
export function placeSpatialIndex(data: ArrayBuffer, x: Float32Array, y: Float32Array): ArrayBuffer {
  const index = KDBush.from(data);
  if (index.numItems !== x.length) throw new Error(`the spatial index holds ${index.numItems} points, not ${x.length}`);
  const { ids, coords } = index;
  for (let k = 0; k < ids.length; k++) {
    coords[2 * k] = x[ids[k]!]!;
    coords[2 * k + 1] = y[ids[k]!]!;
  }
  return data;
}

/** What the index is built from: the drawn coordinates, or the points' answer as it arrived. */
export type IndexJob = { x: Float32Array; y: Float32Array } | { points: Uint8Array };

export const buildIndexOf = (job: IndexJob): ArrayBuffer =>
  'points' in job ? buildQuantisedIndex(pointWords(job.points)) : buildSpatialIndex(job.x, job.y);
