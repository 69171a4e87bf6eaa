// Runs tokenizer workers over the source files and appends their postings to `postings_raw`.
import { Worker } from 'node:worker_threads';
import { UBIGINT, UINTEGER, USMALLINT, UTINYINT, type Connection } from '../db/duckdb';
import type { PostingBatch, TextSegment } from './postings-worker';

export const POSTINGS_RAW_DDL =
  'CREATE TABLE scratch.postings_raw (term UBIGINT, conv UINTEGER, roles UTINYINT, tf USMALLINT, msgs UTINYINT)';

/**
 * Tokenizes `files` in `threads` workers into postings_raw; each file's message text goes to a
 * segment file at its `text` path, reported to `segment` when complete.
 */
export async function buildPostings(
  conn: Connection,
  files: { file: string; base: number; messages: number; text: string }[],
  threads: number,
  progress: (messagesDone: number) => void,
  segment: (s: TextSegment) => void,
): Promise<number> {
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
                w.postMessage('ack');
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
  return postings;
}
