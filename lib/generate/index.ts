// Writes a synthetic dataset as Parquet shards named like the published release, one worker
// thread per core, each shard written under a temporary name and renamed when complete.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DatasetKind } from '../dataset/schemas';
import { Database, literal } from '../db/duckdb';
import type { ShardJob } from './shard-worker';

export interface GenerateOptions {
  conversations: number;
  seed: number;
  out: string;
  schema: DatasetKind;
  shards?: number; // default: one per 60,000 conversations, as in WildChat-1M
  workers?: number;
  /** Also write each conversation's latent topic to this Parquet file (file, row, topic, language, near_duplicate), for tests. */
  truth?: string;
  log?: (line: string) => void;
}

export interface GenerateResult {
  files: string[];
  bytes: number;
  seconds: number;
}

export const shardName = (k: number, n: number) => `train-${String(k).padStart(5, '0')}-of-${String(n).padStart(5, '0')}.parquet`;

export async function generate(o: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const shards = Math.max(1, o.shards ?? Math.ceil(o.conversations / 60_000));
  mkdirSync(o.out, { recursive: true });
  const jobs: ShardJob[] = Array.from({ length: shards }, (_, k) => ({
    k,
    from: Math.floor((k * o.conversations) / shards),
    to: Math.floor(((k + 1) * o.conversations) / shards),
    file: join(o.out, shardName(k, shards)),
  }));
  const workers = Math.max(1, Math.min(o.workers ?? cpus().length, shards));
  // A shard takes DuckDB a few GB, so the workers share 70% of memory. Under too low a limit it
  // evicts strings of its in-memory tables, and DuckDB 1.5.6 then fails reading them back ("Cannot
  // perform IO in in-memory database - CreateBlock", or a crash).
  const memoryLimit = `${Math.max(1, Math.floor((totalmem() * 0.7) / workers / 2 ** 30))}GB`;
  const truthParts = o.truth ? `${o.truth}.parts` : undefined;
  if (truthParts) {
    rmSync(truthParts, { recursive: true, force: true });
    mkdirSync(truthParts, { recursive: true });
  }
  let done = 0;
  let written = 0;
  try {
    await Promise.all(
      Array.from(
        { length: workers },
        (_, w) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), {
              workerData: {
                entry: new URL('./shard-worker.ts', import.meta.url).href,
                kind: o.schema,
                seed: o.seed,
                total: o.conversations,
                jobs: jobs.filter((j) => j.k % workers === w),
                memoryLimit,
                truthParts,
              },
            });
            worker.on('message', (m: { done?: number; conversations?: number; finished?: boolean }) => {
              if (m.done !== undefined) {
                done++;
                written += m.conversations ?? 0;
                const elapsed = (Date.now() - started) / 1000;
                log(
                  `shard ${done}/${shards} written: ${written.toLocaleString('en-US')}/${o.conversations.toLocaleString('en-US')} conversations, ${elapsed.toFixed(1)} s, ~${((elapsed / written) * (o.conversations - written)).toFixed(0)} s left`,
                );
              }
              if (m.finished) worker.terminate().then(() => resolve(), reject);
            });
            worker.on('error', reject);
          }),
      ),
    );
    if (o.truth && truthParts) await mergeTruth(truthParts, o.truth);
  } finally {
    for (const f of readdirSync(o.out)) if (f.endsWith('.parquet.tmp')) rmSync(join(o.out, f), { force: true });
    if (truthParts) rmSync(truthParts, { recursive: true, force: true });
  }
  const files = jobs.map((j) => j.file);
  return { files, bytes: files.reduce((a, f) => a + statSync(f).size, 0), seconds: (Date.now() - started) / 1000 };
}

/** Joins the workers' per-shard topic files into one, in shard and row order. */
async function mergeTruth(parts: string, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const db = await Database.open(':memory:', { threads: 1 });
  try {
    const conn = await db.connect();
    await conn.run(
      `COPY (SELECT * FROM read_parquet(${literal(join(parts, '*.parquet'))}) ORDER BY file, row) TO ${literal(`${file}.tmp`)} (FORMAT parquet)`,
    );
    conn.close();
  } finally {
    db.close();
  }
  renameSync(`${file}.tmp`, file);
}
