// Topics at two levels from the vectors: spherical k-means on the sample gives the fine topics,
// whose centres are merged, most similar pair first, into the broad ones.
import { seededRandom } from '../random';

/** Fine topics: about √(sample size), at most this many. */
const MAX_FINE = 150;
/** Broad topics: merging goes on past this many whatever the similarity, so the overview stays readable… */
const MAX_BROAD = 32;
/** …and below it while two broad topics' centres are this similar (cosine), down to MIN_BROAD. */
const MERGE_SIMILARITY = 0.5;
const MIN_BROAD = 2;
const ITERATIONS = 12;

export const fineTopicCount = (n: number) => Math.max(1, Math.min(MAX_FINE, Math.round(Math.sqrt(n))));

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += a[ao + j]! * b[bo + j]!;
  return s;
}

function normalizeRows(m: Float32Array, d: number): void {
  for (let o = 0; o < m.length; o += d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[o + j]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < d; j++) m[o + j] = m[o + j]! * inv;
  }
}

/** The centre nearest (by cosine) to the unit vector at `vectors[o..]`. */
export function nearestCentre(vectors: Float32Array, o: number, centres: Float32Array, k: number, d: number): number {
  let best = 0,
    bestSim = -Infinity;
  for (let c = 0; c < k; c++) {
    const s = dot(vectors, o, centres, c * d, d);
    if (s > bestSim) {
      bestSim = s;
      best = c;
    }
  }
  return best;
}

/** Spherical k-means with k-means++ seeding: unit centres (k×d) and each vector's centre. */
export function sphericalKMeans(
  vectors: Float32Array,
  n: number,
  d: number,
  k: number,
  seed: number,
): { centres: Float32Array; assignment: Uint16Array } {
  const random = seededRandom(seed);
  const centres = new Float32Array(k * d);
  const far = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centres.set(vectors.subarray(pick * d, pick * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      far[i] = Math.min(far[i]!, Math.max(0, 1 - dot(vectors, i * d, centres, c * d, d)));
      total += far[i]!;
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++)
      if ((r -= far[i]!) <= 0) {
        pick = i;
        break;
      }
  }
  const assignment = new Uint16Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const c = nearestCentre(vectors, i * d, centres, k, d);
      if (c !== assignment[i] || it === 0) moved++;
      assignment[i] = c;
    }
    const sums = new Float32Array(k * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sums[assignment[i]! * d + j]! += vectors[i * d + j]!;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += sums[c * d + j]! ** 2;
      // An emptied centre keeps its place rather than becoming zero.
      if (s > 0) centres.set(sums.subarray(c * d, c * d + d), c * d);
    }
    normalizeRows(centres, d);
    if (moved === 0) break;
  }
  return { centres, assignment };
}

/**
 * The broad topic of each fine one: average linkage on centres weighted by size, merging the most
 * similar pair while there are more than MAX_BROAD, or more than MIN_BROAD that are similar.
 */
export function mergeTopics(centres: Float32Array, sizes: number[], d: number): Uint16Array {
  const k = sizes.length;
  const groups = Array.from({ length: k }, (_, c) => ({ members: [c], size: sizes[c]!, centre: centres.slice(c * d, c * d + d) }));
  const live = groups.map((_, i) => i).filter((i) => sizes[i]! > 0);
  for (;;) {
    let best = -Infinity,
      bi = -1,
      bj = -1;
    for (let a = 0; a < live.length; a++)
      for (let b = a + 1; b < live.length; b++) {
        const s = dot(groups[live[a]!]!.centre, 0, groups[live[b]!]!.centre, 0, d);
        if (s > best) {
          best = s;
          bi = a;
          bj = b;
        }
      }
    if (bi < 0 || !(live.length > MAX_BROAD || (live.length > MIN_BROAD && best >= MERGE_SIMILARITY))) break;
    const g = groups[live[bi]!]!,
      h = groups[live[bj]!]!;
    const merged = new Float32Array(d);
    for (let j = 0; j < d; j++) merged[j] = g.centre[j]! * g.size + h.centre[j]! * h.size;
    normalizeRows(merged, d);
    g.centre = merged;
    g.size += h.size;
    g.members.push(...h.members);
    live.splice(bj, 1);
  }
  const parent = new Uint16Array(k);
  live.forEach((gi, b) => {
    for (const c of groups[gi]!.members) parent[c] = b;
  });
  // Empty fine topics (none left after k-means) join the first group; they hold no conversation.
  return parent;
}
