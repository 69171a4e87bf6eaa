// Runs tokenizer workers over the source files, each appending its postings to a table of its own,
// written out in runs; then sorts the runs into the index's `postings`.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { literal, UBIGINT, UINTEGER, USMALLINT, UTINYINT, type Connection } from '../db/duckdb';
import type { PostingBatch, TextSegment } from './postings-worker';

const POSTINGS_COLUMNS = '(term UBIGINT, conv UINTEGER, roles UTINYINT, tf USMALLINT, msgs UTINYINT)';
const POSTINGS_DDL = `CREATE TABLE postings ${POSTINGS_COLUMNS}`;

/** A file to tokenize: `key` names its runs (`run-<key>-<n>`), `text` is its segment file's path. */
export interface TokenizerFile {
  key: number;
  file: string;
  base: number;
  messages: number;
  text: string;
}

/**
 * Tokenizes `files` in `threads` workers into runs in the folder `runs`. Each worker appends to a
 * table of its own in `scratch` and writes it out as a run when it holds its share of
 * `runPostings`, and at the end of each file: a run holds one file's postings, so an interrupted
 * ingest keeps the runs of the files it completed (resume.ts). `read` is awaited once a file's
 * postings are all in runs, with its text segment (written to its `text` path).
 */
export async function buildPostings(
  conn: Connection,
  files: TokenizerFile[],
  threads: number,
  progress: (messagesDone: number) => void,
  read: (s: TextSegment, f: TokenizerFile) => Promise<void>,
  runs: string,
  runPostings = RUN_POSTINGS,
): Promise<number> {
  mkdirSync(runs, { recursive: true });
  // Deal files to workers, largest first, to balance their work.
  const groups: TokenizerFile[][] = Array.from({ length: Math.min(threads, files.length) }, () => []);
  const load = groups.map(() => 0);
  for (const f of [...files].sort((a, b) => b.messages - a.messages)) {
    const g = load.indexOf(Math.min(...load));
    groups[g]!.push(f);
    load[g]! += f.messages;
  }
  const share = Math.ceil(runPostings / Math.max(1, groups.length));
  let postings = 0;
  let done = 0;
  let appending = Promise.resolve();
  const workers: { worker: Worker; finished: Promise<void> }[] = [];
  const all = Promise.all(
    groups.map(
      (g, i) =>
        new Promise<void>((resolve, reject) => {
          const table = `postings_raw_${i}`;
          let current = 0; // the worker's file, in the order of its group
          let buffered = 0;
          let run = 0;
          const flush = async () => {
            if (buffered === 0) return;
            await writeRun(conn, table, join(runs, `run-${g[current]!.key}-${run++}`));
            buffered = 0;
          };
          const worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), {
            workerData: { entry: new URL('./postings-worker.ts', import.meta.url).href, files: g },
          });
          workers.push({
            worker,
            finished: new Promise<void>((done) => {
              worker.on('message', (m: { finished?: boolean }) => m.finished && done());
              worker.on('exit', () => done());
            }),
          });
          appending = appending.then(() => conn.run(`CREATE OR REPLACE TABLE scratch.${table} ${POSTINGS_COLUMNS}`));
          worker.on('message', (m: { batch?: PostingBatch; progress?: number; segment?: TextSegment; finished?: boolean }) => {
            if (m.progress) progress((done += m.progress));
            if (m.batch) {
              const b = m.batch;
              appending = appending.then(async () => {
                await conn.appendColumns(
                  table,
                  [UBIGINT, UINTEGER, UTINYINT, USMALLINT, UTINYINT],
                  [8, 4, 1, 2, 1],
                  [b.term, b.conv, b.roles, b.tf, b.msgs],
                  b.n,
                  'scratch',
                );
                postings += b.n;
                buffered += b.n;
                // The worker goes on tokenizing while the run is written; its next batch waits here.
                worker.postMessage('ack');
                if (buffered >= share) await flush();
              });
              appending.catch(reject);
            }
            // A file's last batch came before its segment: both wait in the same queue.
            if (m.segment) {
              const s = m.segment;
              appending = appending.then(async () => {
                await flush();
                const f = g[current++]!;
                run = 0;
                await read(s, f);
              });
              appending.catch(reject);
            }
            if (m.finished)
              appending
                .then(() => conn.run(`DROP TABLE scratch.${table}`))
                .then(() => worker.terminate())
                .then(() => resolve(), reject);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0 && code !== 1) reject(new Error(`tokenizer worker exited with ${code}`));
          });
        }),
    ),
  );
  try {
    await all;
  } catch (e) {
    // The other workers stop before the ingest fails, each once it is out of DuckDB: a thread
    // ended inside a DuckDB call aborts the process ("terminate called after throwing") instead
    // of the error being reported.
    for (const w of workers) w.worker.postMessage('stop');
    await Promise.all(workers.map((w) => w.finished));
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw e;
  }
  await appending;
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

/** Writes `scratch.<table>` into the folder `dir`, one Parquet file per bucket (`bucket=<b>/`), and empties it. */
async function writeRun(conn: Connection, table: string, dir: string): Promise<void> {
  // A run half written by an interrupted ingest has the same name: it is replaced, not added to.
  rmSync(dir, { recursive: true, force: true });
  await conn.run(`COPY (SELECT *, (term >> ${64 - BUCKET_BITS})::UTINYINT AS bucket FROM scratch.${table})
    TO ${literal(dir)} (FORMAT parquet, PARTITION_BY (bucket), COMPRESSION zstd)`);
  await conn.run(`DELETE FROM scratch.${table}`);
}

/** Removes the runs of files not in `read` (an interrupted ingest's half-read files). */
export function removeRunsExcept(runs: string, read: (key: number) => boolean): void {
  if (!existsSync(runs)) return;
  for (const d of readdirSync(runs)) {
    const m = /^run-(\d+)-\d+$/.exec(d);
    if (!m || !read(Number(m[1]))) rmSync(join(runs, d), { recursive: true, force: true });
  }
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

/** The postings in the runs of the folder `runs` (read from the Parquet files' footers). */
export async function countRuns(conn: Connection, runs: string): Promise<number> {
  const files = existsSync(runs)
    ? readdirSync(runs, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.parquet'))
        .map((f) => join(runs, f))
    : [];
  if (files.length === 0) return 0;
  const r = await conn.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM read_parquet([${files.map(literal).join(', ')}])`);
  return Number(r!.n);
}
