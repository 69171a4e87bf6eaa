// Worker thread: writes its share of the shards. DuckDB runs these statements on about one core,
// so the generator runs one worker per core, each with its own in-memory database.
import { renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetKind } from '../dataset/schemas';
import { Database, literal } from '../db/duckdb';
import { setupSql, shardCleanupSql, shardSql, truthSql } from './sql';

export interface ShardJob {
  k: number;
  from: number;
  to: number;
  file: string;
}
const { kind, seed, total, jobs, memoryLimit, truthParts } = workerData as {
  kind: DatasetKind;
  seed: number;
  total: number;
  jobs: ShardJob[];
  memoryLimit: string;
  truthParts?: string;
};

const db = await Database.open(':memory:', { threads: 1, memoryLimit });
const conn = await db.connect();
for (const sql of setupSql(seed, total)) await conn.run(sql);
for (const job of jobs) {
  const sql = shardSql(kind, seed, job.from, job.to, total);
  for (const step of sql.slice(0, -1)) await conn.run(step);
  const tmp = `${job.file}.tmp`;
  await conn.run(`COPY (${sql[sql.length - 1]}) TO ${literal(tmp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 20000)`);
  renameSync(tmp, job.file);
  if (truthParts)
    await conn.run(`COPY (${truthSql(basename(job.file), job.from)}) TO ${literal(join(truthParts, `${job.k}.parquet`))} (FORMAT parquet)`);
  for (const step of shardCleanupSql()) await conn.run(step);
  parentPort!.postMessage({ done: job.k, conversations: job.to - job.from });
}
conn.close();
db.close();
parentPort!.postMessage({ finished: true });
