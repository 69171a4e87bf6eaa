// Writes a synthetic dataset as Parquet shards named like the published release.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetKind } from '../dataset/schemas';
import { Database, literal } from '../db/duckdb';
import { setupSql, shardSql } from './sql';

export interface GenerateOptions {
  conversations: number;
  seed: number;
  out: string;
  schema: DatasetKind;
  shards?: number; // default: one per 60,000 conversations, as in WildChat-1M
  threads?: number;
  log?: (line: string) => void;
}

export interface GenerateResult { files: string[]; bytes: number; seconds: number }

export const shardName = (k: number, n: number) =>
  `train-${String(k).padStart(5, '0')}-of-${String(n).padStart(5, '0')}.parquet`;

export async function generate(o: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const shards = Math.max(1, o.shards ?? Math.ceil(o.conversations / 60_000));
  mkdirSync(o.out, { recursive: true });
  const db = await Database.open(':memory:', { threads: o.threads, memoryLimit: '6GB' });
  const conn = await db.connect();
  try {
    for (const sql of setupSql(o.seed)) await conn.run(sql);
    const files: string[] = [];
    let bytes = 0;
    for (let k = 0; k < shards; k++) {
      const from = Math.floor((k * o.conversations) / shards);
      const to = Math.floor(((k + 1) * o.conversations) / shards);
      const file = join(o.out, shardName(k, shards));
      const tmp = `${file}.tmp`;
      const sql = shardSql(o.schema, o.seed, from, to, o.conversations);
      for (const step of sql.slice(0, -1)) await conn.run(step);
      await conn.run(`COPY (${sql[sql.length - 1]}) TO ${literal(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)`);
      renameSync(tmp, file);
      files.push(file);
      bytes += statSync(file).size;
      const elapsed = (Date.now() - started) / 1000;
      log(`shard ${k + 1}/${shards}: ${to - from} conversations, ${(bytes / 1e6).toFixed(1)} MB so far, ${elapsed.toFixed(1)} s, ~${((elapsed / (k + 1)) * (shards - k - 1)).toFixed(0)} s left`);
    }
    for (const t of ['conv', 'msg', 'piece', 'scored']) await conn.run(`DROP TABLE IF EXISTS ${t}`);
    return { files, bytes, seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    rmSync(join(o.out, '*.tmp'), { force: true });
    throw e;
  } finally {
    conn.close();
    db.close();
  }
}
