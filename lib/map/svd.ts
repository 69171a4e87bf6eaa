// Randomized SVD (Halko, Martinsson and Tropp 2011) of a sparse matrix of TF-IDF rows: the map's
// projection from tens of thousands of words to a few dozen dimensions, fitted on a sample.
import { gaussian, seededRandom } from '../random';

/** A sparse row: feature indexes and their weights. */
export interface SparseRow {
  index: Uint32Array;
  value: Float32Array;
}

/** Y (n×l, row-major) = A Ω for sparse rows A and a dense Ω (d×l, row-major). */
function times(rows: SparseRow[], omega: Float64Array, l: number): Float64Array {
  const y = new Float64Array(rows.length * l);
  rows.forEach((r, i) => {
    const o = i * l;
    for (let p = 0; p < r.index.length; p++) {
      const w = r.value[p]!;
      const at = r.index[p]! * l;
      for (let j = 0; j < l; j++) y[o + j]! += w * omega[at + j]!;
    }
  });
  return y;
}

/** Z (d×l) = Aᵀ Y for sparse rows A (n×d) and Y (n×l). */
function timesTransposed(rows: SparseRow[], y: Float64Array, l: number, d: number): Float64Array {
  const z = new Float64Array(d * l);
  rows.forEach((r, i) => {
    const o = i * l;
    for (let p = 0; p < r.index.length; p++) {
      const w = r.value[p]!;
      const at = r.index[p]! * l;
      for (let j = 0; j < l; j++) z[at + j]! += w * y[o + j]!;
    }
  });
  return z;
}

/** MᵀM (l×l) of a row-major m×l matrix. */
function gram(m: Float64Array, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let o = 0; o < m.length; o += l)
    for (let a = 0; a < l; a++) {
      const x = m[o + a]!;
      if (x === 0) continue;
      for (let b = a; b < l; b++) g[a * l + b]! += x * m[o + b]!;
    }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a]!;
  return g;
}

/** Orthonormal columns spanning those of m (m×l, in place) by CholeskyQR, twice for accuracy. */
function orthonormalize(m: Float64Array, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(m, l);
    // Cholesky G = RᵀR (upper R); a tiny ridge keeps a rank-deficient sample from failing.
    const r = new Float64Array(l * l);
    for (let i = 0; i < l; i++) {
      for (let j = i; j < l; j++) {
        let s = g[i * l + j]!;
        for (let k = 0; k < i; k++) s -= r[k * l + i]! * r[k * l + j]!;
        if (i === j) r[i * l + i] = Math.sqrt(Math.max(s, 1e-12 * (g[i * l + i]! + 1e-12)));
        else r[i * l + j] = s / r[i * l + i]!;
      }
    }
    // m ← m R⁻¹, row by row (forward substitution).
    const row = new Float64Array(l);
    for (let o = 0; o < m.length; o += l) {
      for (let j = 0; j < l; j++) {
        let s = m[o + j]!;
        for (let k = 0; k < j; k++) s -= row[k]! * r[k * l + j]!;
        row[j] = s / r[j * l + j]!;
      }
      m.set(row, o);
    }
  }
}

/** Eigenvalues (descending) and eigenvectors (columns of a row-major l×l) of a symmetric matrix, by Jacobi rotations. */
function symmetricEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++)
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!,
            akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!,
            aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!,
            vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y]! - a[x * l + x]!);
  const values = Float64Array.from(order, (i) => a[i * l + i]!);
  const vectors = new Float64Array(l * l);
  order.forEach((src, dst) => {
    for (let k = 0; k < l; k++) vectors[k * l + dst] = v[k * l + src]!;
  });
  return { values, vectors };
}

/**
 * The top `k` right singular vectors of the rows (d features), as a d×k row-major matrix V:
 * a row a projects to a·V. One power iteration sharpens a spectrum as flat as a text matrix's.
 */
export function randomizedSvd(rows: SparseRow[], d: number, k: number, seed: number): { basis: Float32Array } {
  const l = k + 10;
  const normal = gaussian(seededRandom(seed));
  const omega = Float64Array.from({ length: d * l }, normal);
  const y = times(rows, omega, l);
  orthonormalize(y, l);
  const z = timesTransposed(rows, y, l, d);
  orthonormalize(z, l);
  const q = times(rows, z, l);
  orthonormalize(q, l);
  // B = Qᵀ A (l×d), kept transposed as Bᵀ (d×l); its SVD comes from the small B Bᵀ.
  const bt = timesTransposed(rows, q, l, d);
  const { values, vectors } = symmetricEigen(gram(bt, l), l);
  const basis = new Float32Array(d * k);
  for (let c = 0; c < k; c++) {
    const s = Math.sqrt(Math.max(values[c]!, 0));
    if (s === 0) continue;
    // V's column c = Bᵀ u_c / s_c.
    for (let f = 0; f < d; f++) {
      let x = 0;
      for (let j = 0; j < l; j++) x += bt[f * l + j]! * vectors[j * l + c]!;
      basis[f * k + c] = x / s;
    }
  }
  return { basis };
}
