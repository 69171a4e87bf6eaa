// The map's spatial index in the serialised KDBush format regl-scatterplot reads (KDBush 4,
// float64 coordinates, node size 64, as its createSpatialIndex writes them), built with the
// `kdbush` package itself: the page builds it in a worker (components/map/index-worker.ts), where
// regl-scatterplot cannot be loaded (it touches the DOM when it loads).
import KDBush from 'kdbush';

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
