// The 2-D layout: UMAP fitted on the sample's vectors, then every other conversation placed
// among its nearest sampled neighbours. Both from the WASM UMAP and NNDescent of embedding-atlas,
// which does not export this file: the version is pinned in package.json.
import { createNNDescent, createUMAP } from '../../node_modules/embedding-atlas/dist/umap.js';
import { seededRandom } from '../random';

/** Epochs of UMAP's optimisation: past ~200 the layout of 20k points barely moves. */
const EPOCHS = 200;
/** Sampled neighbours a placed point is drawn towards. */
const PLACE_NEIGHBOURS = 8;

/** UMAP's 2-D layout of `n` unit vectors of `dims` (row-major). */
export async function fitLayout(vectors: Float32Array, n: number, dims: number, seed: number): Promise<Float32Array> {
  const umap = await createUMAP(n, dims, 2, vectors, { metric: 'cosine', nNeighbors: 15, minDist: 0.05, nEpochs: EPOCHS, seed });
  try {
    await umap.run();
    return new Float32Array(umap.embedding);
  } finally {
    umap.destroy();
  }
}

/** Places points among the sample's: call `place` per point, then `close`. */
export interface Placer {
  place(vector: Float32Array, out: Float32Array, at: number): void;
  close(): void;
}

/**
 * A placed point goes to the similarity-weighted mean of its nearest sampled neighbours that lie
 * on the nearest one's island (a mean across two islands would land in the empty sea between),
 * plus a little jitter so that copies of one message do not stack on one pixel.
 */
export async function placer(sample: Float32Array, layout: Float32Array, n: number, dims: number, seed: number): Promise<Placer> {
  const index = await createNNDescent(n, dims, sample, { metric: 'cosine', nNeighbors: 15, seed });
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, layout[2 * i]!);
    maxX = Math.max(maxX, layout[2 * i]!);
    minY = Math.min(minY, layout[2 * i + 1]!);
    maxY = Math.max(maxY, layout[2 * i + 1]!);
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const island = 0.04 * span;
  const jitter = 0.003 * span;
  const random = seededRandom(seed ^ 0x5bd1e995);
  return {
    place(vector, out, at) {
      const { indices, distances } = index.queryByVector(vector, PLACE_NEIGHBOURS);
      const first = indices[0]!;
      const fx = layout[2 * first]!,
        fy = layout[2 * first + 1]!;
      let x = 0,
        y = 0,
        w = 0;
      for (let j = 0; j < indices.length; j++) {
        const i = indices[j]!;
        if (i < 0) continue;
        const px = layout[2 * i]!,
          py = layout[2 * i + 1]!;
        if (Math.hypot(px - fx, py - fy) > island) continue;
        const weight = Math.max(1 - distances[j]!, 1e-3);
        x += weight * px;
        y += weight * py;
        w += weight;
      }
      out[at] = (w > 0 ? x / w : fx) + (random() - 0.5) * jitter;
      out[at + 1] = (w > 0 ? y / w : fy) + (random() - 0.5) * jitter;
    },
    close() {
      index.destroy();
    },
  };
}
