// Broken data and faults during ingest: each ends in a message naming the file and the problem, a
// non-zero exit, and the previous index left byte for byte as it was and still readable. Startup
// rebuilds a stale or corrupt index instead of serving it or crashing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duck } from '../../test/duck';
import { copyIndex, LMSYS, WILDCHAT, WILDCHAT_CACHE } from '../../test/fixtures';
import { INDEX_FILE } from '../config';
import { Database } from '../db/duckdb';
import { buildIndex } from './build';

const ROOT = resolve('.cache/test-broken');
const SHARD = join(WILDCHAT.dir, 'train-00000-of-00002.parquet');
const faults: string[] = [];

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
});
afterAll(() => console.log(`broken data: ${faults.length} faults injected: ${faults.join('; ')}`));

const dir = (name: string) => mkdtempSync(join(ROOT, `${name}-`));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A cache holding a copy of the good fixture index; returns the cache and the index's hash. */
function previousIndex(): { cache: string; hash: string } {
  const cache = dir('cache');
  copyIndex(WILDCHAT_CACHE, cache);
  return { cache, hash: sha(join(cache, INDEX_FILE)) };
}

async function conversationsIn(cache: string): Promise<number> {
  const db = await Database.open(join(cache, INDEX_FILE), { readOnly: true, threads: 1 });
  try {
    const c = await db.connect();
    return Number((await c.one<{ n: string }>('SELECT count(*)::VARCHAR n FROM conversations'))!.n);
  } finally {
    db.close();
  }
}

async function expectPreviousKept(prev: { cache: string; hash: string }) {
  expect(sha(join(prev.cache, INDEX_FILE))).toBe(prev.hash);
  expect(await conversationsIn(prev.cache)).toBe(WILDCHAT.conversations);
  expect(readdirSync(prev.cache).filter((f) => f.includes('.tmp-') || f.startsWith('spill-'))).toEqual([]);
}

/** `npm run ingest` as a child; `shell` may set limits before the node process starts. */
function ingest(env: Record<string, string>, shell = ''): Promise<{ code: number | null; out: string }> {
  const node = `exec ${JSON.stringify(process.execPath)} --import tsx scripts/ingest.ts`;
  const child = spawn('bash', ['-c', `${shell}${node}`], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((r) => child.on('exit', (code) => r({ code, out })));
}

async function failsNaming(fault: string, env: Record<string, string>, ...expected: (string | RegExp)[]) {
  faults.push(fault);
  const prev = previousIndex();
  const r = await ingest({ WILDSCOPE_CACHE: prev.cache, ...env });
  expect(r.code, r.out).not.toBe(0);
  for (const e of expected) expect(r.out).toMatch(e);
  await expectPreviousKept(prev);
  const empty = dir('empty-cache');
  const none = await ingest({ WILDSCOPE_CACHE: empty, ...env });
  expect(none.code).toBe(1);
  expect(existsSync(join(empty, INDEX_FILE))).toBe(false);
}

const escaped = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

describe('broken data during ingest', () => {
  it('a WILDSCOPE_DATA path that does not exist', async () => {
    const missing = join(ROOT, 'no-such-folder');
    await failsNaming('missing data path', { WILDSCOPE_DATA: missing }, escaped(missing), /does not exist/);
  });

  it('an empty folder', async () => {
    const empty = dir('empty-data');
    await failsNaming('empty folder', { WILDSCOPE_DATA: empty }, escaped(empty), /no \.parquet files/);
  });

  it('a truncated Parquet file', async () => {
    const data = dir('truncated');
    const file = join(data, 'train-00000-of-00001.parquet');
    cpSync(SHARD, file);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    await failsNaming('truncated Parquet', { WILDSCOPE_DATA: data }, escaped(file), /cannot be read/);
  });

  it('a Parquet file of the wrong schema', async () => {
    const data = dir('wrong-schema');
    const file = join(data, 'other.parquet');
    await (await duck()).run(`COPY (SELECT 1 AS a, 'x' AS text) TO '${file}' (FORMAT parquet)`);
    await failsNaming('wrong schema', { WILDSCOPE_DATA: data }, escaped(file), /missing column\(s\) .*conversation/);
  });

  it('two schemas in one glob', async () => {
    const data = dir('two-schemas');
    cpSync(join(LMSYS.dir, 'train-00000-of-00001.parquet'), join(data, 'a.parquet'));
    cpSync(SHARD, join(data, 'b.parquet'));
    await failsNaming(
      'two schemas in one glob',
      { WILDSCOPE_DATA: join(data, '*.parquet') },
      escaped(join(data, 'b.parquet')),
      /one dataset holds one kind/,
    );
  });

  it('a cache path that cannot be a folder (under a regular file)', async () => {
    faults.push('unwritable cache');
    const blocker = join(dir('blocked'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = await ingest({ WILDSCOPE_DATA: WILDCHAT.dir, WILDSCOPE_CACHE: join(blocker, 'cache') });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ENOTDIR/);
    expect(r.out).toMatch(escaped(blocker));
  });

  it('a full disk, simulated by a file-size limit on the ingest', async () => {
    faults.push('full disk (ulimit -f)');
    const prev = previousIndex();
    // With SIGXFSZ ignored, a write past the limit fails with EFBIG as it would with ENOSPC.
    const r = await ingest({ WILDSCOPE_DATA: WILDCHAT.dir, WILDSCOPE_CACHE: prev.cache }, "trap '' XFSZ; ulimit -f 2048; ");
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/ingest failed/);
    expect(r.out).toMatch(/too large|No space|EFBIG|Could not write/i);
    await expectPreviousKept(prev);
  });

  it('a file that changes while the ingest reads it', async () => {
    faults.push('file changed during ingest');
    const prev = previousIndex();
    const data = dir('changing');
    cpSync(WILDCHAT.dir, data, { recursive: true });
    const second = join(data, 'train-00001-of-00002.parquet');
    let touched = false;
    const err = await buildIndex({
      data,
      cache: prev.cache,
      log: (line) => {
        if (!touched && line.startsWith('[tables]')) {
          touched = true;
          utimesSync(second, new Date(), new Date(Date.now() + 60_000));
        }
      },
    }).catch((e: Error) => e);
    expect(touched).toBe(true);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(second);
    expect((err as Error).message).toContain('changed during the ingest');
    await expectPreviousKept(prev);
  });
});

/** `npm start` until `done` holds for its output (checked as it arrives), then stopped before it serves. */
function startUntil(env: Record<string, string>, done: (out: string) => boolean): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: '3999', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const poll = setInterval(() => {
    if (done(out)) process.kill(-child.pid!, 'SIGKILL');
  }, 20);
  return new Promise((r) =>
    child.on('exit', (code) => {
      clearInterval(poll);
      r({ code, out });
    }),
  );
}
const ready = (out: string) => /index ready/.test(out);

describe('startup with a bad index', () => {
  it('rebuilds a corrupt index (garbage bytes) instead of crashing', async () => {
    faults.push('corrupt index');
    const cache = dir('corrupt');
    writeFileSync(join(cache, INDEX_FILE), Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 251)));
    const r = await startUntil({ WILDSCOPE_DATA: LMSYS.dir, WILDSCOPE_CACHE: cache }, ready);
    expect(r.out).toMatch(/index corrupt/);
    expect(r.out).toMatch(/index ready: 60 conversations/);
    expect(await conversationsIn(cache)).toBe(LMSYS.conversations);
  });

  it('rebuilds a stale index (the files changed) at start', async () => {
    faults.push('stale index');
    const prev = previousIndex();
    const r = await startUntil({ WILDSCOPE_DATA: LMSYS.dir, WILDSCOPE_CACHE: prev.cache }, ready);
    expect(r.out).toMatch(/index stale \(the Parquet files changed\)/);
    expect(await conversationsIn(prev.cache)).toBe(LMSYS.conversations);
  });

  it('keeps serving the previous index when the rebuild at start fails', async () => {
    faults.push('failed rebuild at start');
    const prev = previousIndex();
    const data = dir('bad-at-start');
    writeFileSync(join(data, 'broken.parquet'), 'PAR1 not really');
    const status = join(prev.cache, 'status.json');
    const r = await startUntil(
      { WILDSCOPE_DATA: data, WILDSCOPE_CACHE: prev.cache },
      (out) => /serving the previous index/.test(out) && existsSync(status) && readFileSync(status, 'utf8').includes('problem'),
    );
    expect(r.out).toMatch(escaped(join(data, 'broken.parquet')));
    expect(r.out).toMatch(/serving the previous index/);
    await expectPreviousKept(prev);
    expect(JSON.parse(readFileSync(status, 'utf8')).problem).toContain('broken.parquet');
  });

  it('stops before serving when a setting read while serving is malformed, naming it', async () => {
    faults.push('malformed serving setting');
    const prev = previousIndex();
    for (const [key, value] of [
      ['WILDSCOPE_MATCH_CACHE_SECONDS', 'soon'],
      ['WILDSCOPE_EXPORT_MAX_ROWS', '-5'],
    ] as const) {
      const r = await startUntil({ WILDSCOPE_DATA: WILDCHAT.dir, WILDSCOPE_CACHE: prev.cache, [key]: value }, () => false);
      expect(r.code).toBe(1);
      expect(r.out).toContain(key);
      expect(r.out).not.toMatch(/index ready|building/);
    }
    await expectPreviousKept(prev);
  });
});
