// Runs tokenizer workers over the source files and appends their postings to `postings_raw`,
// written out in runs; then sorts the runs into the index's `postings`.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { literal, UBIGINT, UINTEGER, USMALLINT, UTINYINT, type Connection } from '../db/duckdb';
import type { PostingBatch, TextSegment } from './postings-worker';

const POSTINGS_COLUMNS = '(term UBIGINT, conv UINTEGER, roles UTINYINT, tf USMALLINT, msgs UTINYINT)';
export const POSTINGS_RAW_DDL = `CREATE TABLE scratch.postings_raw ${POSTINGS_COLUMNS}`;
const POSTINGS_DDL = `CREATE TABLE postings ${POSTINGS_COLUMNS}`;

/**
 * Tokenizes `files` in `threads` workers into postings_raw; each file's message text goes to a
 * segment file at its `text` path, reported to `segment` when complete. Every `RUN_POSTINGS`
 * postings, and at the end, postings_raw is written out as a run into `runs` and emptied.
 */
export async function buildPostings(
  conn: Connection,
  files: { file: string; base: number; messages: number; text: string }[],
  threads: number,
  progress: (messagesDone: number) => void,
  segment: (s: TextSegment) => void,
  runs: string,
  runPostings = RUN_POSTINGS,
): Promise<number> {
  mkdirSync(runs, { recursive: true });
  let buffered = 0;
  let run = 0;
  const flush = async () => {
    if (buffered === 0) return;
    await writeRun(conn, join(runs, `run-${run++}`));
    buffered = 0;
  };
  // Deal files to workers, largest first, to balance their work.
  const groups: { file: string; base: number; text: string }[][] = Array.from({ length: Math.min(threads, files.length) }, () => []);
  const load = groups.map(() => 0);
  for (const f of [...files].sort((a, b) => b.messages - a.messages)) {
    const g = load.indexOf(Math.min(...load));
    groups[g]!.push({ file: f.file, base: f.base, text: f.text });
    load[g]! += f.messages;
  }
  let postings = 0;
  let done = 0;
  let appending = Promise.resolve();
  await Promise.all(
    groups.map(
      (g) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL('../worker-boot.mjs', import.meta.url), {
            workerData: { entry: new URL('./postings-worker.ts', import.meta.url).href, files: g },
          });
          w.on('message', (m: { batch?: PostingBatch; progress?: number; segment?: TextSegment; finished?: boolean }) => {
            if (m.progress) progress((done += m.progress));
            if (m.segment) segment(m.segment);
            if (m.batch) {
              const b = m.batch;
              appending = appending.then(async () => {
                await conn.appendColumns(
                  'postings_raw',
                  [UBIGINT, UINTEGER, UTINYINT, USMALLINT, UTINYINT],
                  [8, 4, 1, 2, 1],
                  [b.term, b.conv, b.roles, b.tf, b.msgs],
                  b.n,
                  'scratch',
                );
                postings += b.n;
                buffered += b.n;
                // The worker goes on tokenizing while the run is written; its next batch waits here.
                w.postMessage('ack');
                if (buffered >= runPostings) await flush();
              });
              appending.catch(reject);
            }
            if (m.finished) appending.then(() => w.terminate()).then(() => resolve(), reject);
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            if (code !== 0 && code !== 1) reject(new Error(`tokenizer worker exited with ${code}`));
          });
        }),
    ),
  );
  await appending;
  await flush();
  return postings;
}

/**
 * Postings are sorted by term in buckets of the term's top bits, one bucket at a time, from runs
 * written as they come: the disk and memory a sort needs are a bucket's, not every posting's (a
 * sort of all 1.97 billion postings of 3.2M conversations spilled 15 GB beside a 20 GB table).
 */
const BUCKET_BITS = 4;
/** Postings in memory before a run is written (about 0.5 GB in DuckDB's buffers). */
const RUN_POSTINGS = 32 << 20;

/** Writes postings_raw into the folder `dir`, one Parquet file per bucket (`bucket=<b>/`), and empties it. */
async function writeRun(conn: Connection, dir: string): Promise<void> {
  await conn.run(`COPY (SELECT *, (term >> ${64 - BUCKET_BITS})::UTINYINT AS bucket FROM scratch.postings_raw)
    TO ${literal(dir)} (FORMAT parquet, PARTITION_BY (bucket), COMPRESSION zstd)`);
  await conn.run('DELETE FROM scratch.postings_raw');
}

/**
 * Creates `postings` sorted by (term, conv) from the runs in each of `sources`' folders, adding
 * `first` to their conversation numbers, a bucket at a time. A bucket's files are removed once
 * sorted unless `keep` (a dataset's part keeps its runs for the next ingest).
 */
export async function sortRuns(conn: Connection, sources: { runs: string; first: number; keep: boolean }[]): Promise<void> {
  await conn.run(POSTINGS_DDL);
  for (let b = 0; b < 1 << BUCKET_BITS; b++) {
    const parts = sources.flatMap((s) => {
      const files = existsSync(s.runs)
        ? readdirSync(s.runs)
            .map((run) => join(s.runs, run, `bucket=${b}`))
            .filter((d) => existsSync(d))
            .flatMap((d) => readdirSync(d).map((f) => join(d, f)))
        : [];
      return files.length ? [{ ...s, files }] : [];
    });
    if (parts.length === 0) continue;
    const from = parts
      .map(
        (p) => `SELECT term, (conv + ${p.first})::UINTEGER AS conv, roles, tf, msgs
          FROM read_parquet([${p.files.map(literal).join(', ')}], hive_partitioning = false)`,
      )
      .join(' UNION ALL ');
    await conn.run(`INSERT INTO postings SELECT * FROM (${from}) ORDER BY term, conv`);
    for (const p of parts) if (!p.keep) for (const f of p.files) rmSync(f, { force: true });
  }
}
