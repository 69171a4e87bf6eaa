// Vectors a user brings (WILDSCOPE_VECTORS: a Parquet file of `id` and `vector`), used for the map
// instead of the text's TF-IDF: reduced to the map's dimensions by a randomized SVD fitted on the
// sample, each conversation projected inside DuckDB (list_dot_product), so that a million
// 1,536-number vectors never pass through JavaScript.
import { literal, type Connection } from '../db/duckdb';
import { randomizedSvd, type SparseRow } from './svd';

export class VectorsError extends Error {}

export interface ProjectedVectors {
  /** Unit vectors of `dims` numbers, row-major by conversation number. */
  vectors: Float32Array;
  /** Whether each conversation has a vector in the file. */
  has: Uint8Array;
  /** Numbers per vector in the file. */
  inputDims: number;
  dims: number;
}

/** The file's join to the conversations: each conversation's number and its vector. */
const joined = (file: string) =>
  `FROM read_parquet(${literal(file)}) v JOIN conversations c ON c.id = CAST(v.id AS VARCHAR) WHERE v.vector IS NOT NULL`;

async function checkFile(conn: Connection, file: string): Promise<number> {
  const where = `WILDSCOPE_VECTORS: ${file}`;
  const cols = await conn
    .all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet(${literal(file)})`)
    .catch((e: unknown) => {
      throw new VectorsError(`${where} cannot be read as Parquet (${String(e instanceof Error ? e.message : e).split('\n')[0]})`);
    });
  const type = new Map(cols.map((c) => [c.column_name, c.column_type]));
  if (!type.has('id') || !type.has('vector')) {
    throw new VectorsError(`${where} needs the columns id and vector; it has ${[...type.keys()].join(', ')}`);
  }
  if (!/^(FLOAT|DOUBLE|REAL|DECIMAL.*)(\[\d*\])$/.test(type.get('vector')!)) {
    throw new VectorsError(`${where}: vector must be a list of numbers (FLOAT[] or DOUBLE[]); it is ${type.get('vector')}`);
  }
  const r = (await conn.one<{ lo: number | null; hi: number | null }>(
    `SELECT min(len(vector))::INTEGER AS lo, max(len(vector))::INTEGER AS hi FROM read_parquet(${literal(file)}) WHERE vector IS NOT NULL`,
  ))!;
  if (r.lo === null) throw new VectorsError(`${where} holds no vector`);
  if (r.lo !== r.hi) throw new VectorsError(`${where}: vectors must all have one length; they have from ${r.lo} to ${r.hi} numbers`);
  if (r.lo < 2) throw new VectorsError(`${where}: vectors need at least 2 numbers`);
  return r.lo;
}

/**
 * Every conversation's vector from `file`, reduced to at most `maxDims` dimensions fitted on the
 * vectors of the `sample` conversations.
 */
export async function projectVectors(
  conn: Connection,
  file: string,
  n: number,
  sample: ArrayLike<number>,
  maxDims: number,
  seed: number,
): Promise<ProjectedVectors> {
  const inputDims = await checkFile(conn, file);
  const wanted = Array.from(sample).join(', ') || '-1';
  const fitted = await conn.all<{ vector: number[] }>(
    `SELECT v.vector::DOUBLE[] AS vector ${joined(file)} AND c.idx IN (${wanted}) ORDER BY c.idx`,
  );
  if (fitted.length < 3) throw new VectorsError(`WILDSCOPE_VECTORS: ${file}: fewer than 3 of its ids are conversations of the data`);
  const index = Uint32Array.from({ length: inputDims }, (_, i) => i);
  const rows: SparseRow[] = fitted.map(({ vector }) => {
    const norm = Math.hypot(...vector) || 1;
    return { index, value: Float32Array.from(vector, (x) => x / norm) };
  });
  const dims = Math.max(2, Math.min(maxDims, inputDims, Math.floor(rows.length / 2)));
  const { basis } = randomizedSvd(rows, inputDims, dims, seed);
  const columns = Array.from({ length: dims }, (_, c) => {
    const b = Array.from({ length: inputDims }, (_, f) => basis[f * dims + c]!.toPrecision(7));
    return `list_dot_product(v.vector::DOUBLE[], [${b.join(',')}]::DOUBLE[])`;
  });
  const vectors = new Float32Array(n * dims);
  const has = new Uint8Array(n);
  for await (const chunk of conn.stream<{ idx: number; p: number[] }>(
    `SELECT c.idx::INTEGER AS idx, [${columns.join(', ')}] AS p ${joined(file)}`,
  )) {
    for (const { idx, p } of chunk) {
      const norm = Math.hypot(...p);
      if (!(norm > 1e-12)) continue;
      for (let c = 0; c < dims; c++) vectors[idx * dims + c] = p[c]! / norm;
      has[idx] = 1;
    }
  }
  return { vectors, has, inputDims, dims };
}
