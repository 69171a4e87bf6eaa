// Postings written out in many small runs and sorted a bucket at a time give the same index as
// one run: the same rows in every table, postings in (term, conv) order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FILE } from '@/lib/config';
import { Database } from '@/lib/db/duckdb';
import { WILDCHAT } from '@/test/fixtures';
import { tableChecksums } from '@/test/index-tables';
import { buildIndex } from './build';
import type { Manifest } from './manifest';

let root: string;
let many: Manifest;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wildscope-runs-'));
  await buildIndex({ data: WILDCHAT.dir, cache: join(root, 'one') });
  many = await buildIndex({ data: WILDCHAT.dir, cache: join(root, 'many'), runPostings: 5_000 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('postings sorted from runs', () => {
  it('writes many runs for this dataset', () => {
    expect(many.postings / 5_000).toBeGreaterThan(10);
  });

  it('gives the same tables as a single run', async () => {
    expect(await tableChecksums(join(root, 'many'))).toEqual(await tableChecksums(join(root, 'one')));
  });

  it('stores postings in (term, conv) order', async () => {
    const db = await Database.open(join(root, 'many', INDEX_FILE), { readOnly: true, threads: 1 });
    try {
      const c = await db.connect();
      const r = await c.one<{ n: number; out: number }>(
        `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE term < pt OR (term = pt AND conv <= pc))::INTEGER AS out
         FROM (SELECT term, conv, lag(term) OVER (ORDER BY rowid) AS pt, lag(conv) OVER (ORDER BY rowid) AS pc FROM postings)`,
      );
      expect(r!.n).toBe(many.postings);
      expect(r!.out).toBe(0);
    } finally {
      db.close();
    }
  });
});
