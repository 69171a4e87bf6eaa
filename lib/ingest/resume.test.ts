// An ingest killed part way (SIGKILL, as the kernel's out-of-memory killer does) resumes from the
// files it completed: the next ingest of the same files says so, reads only the rest, and builds
// the same index as one that was never interrupted.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '@/lib/generate';
import { tableChecksums } from '@/test/index-tables';
import { BUILDING_DIR, buildIndex } from './build';
import type { Manifest } from './manifest';

let root: string;
let data: string;
let files: string[];
let whole: Manifest;

const textHash = (cache: string, m: Manifest) =>
  createHash('sha256')
    .update(readFileSync(join(cache, m.text.file)))
    .digest('hex');

/** An ingest in a child process that kills itself with SIGKILL right after `step` of its `after`-th file. */
async function killedIngest(cache: string, step: 'tables' | 'read', after: number): Promise<string> {
  const script = join(root, `kill-${step}-${after}.mts`);
  writeFileSync(
    script,
    `import { buildIndex } from ${JSON.stringify(resolve('lib/ingest/build.ts'))};
let seen = 0;
await buildIndex({
  data: ${JSON.stringify(data)},
  cache: ${JSON.stringify(cache)},
  runPostings: 2_000,
  log: (l) => console.log(l),
  afterFile: (step) => {
    if (step === ${JSON.stringify(step)} && ++seen === ${after}) process.kill(process.pid, 'SIGKILL');
  },
});
console.log('not killed');`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const signal = await new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, sig) => r(sig)));
  expect(signal, out).toBe('SIGKILL');
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wildscope-resume-'));
  data = join(root, 'data');
  files = (await generate({ conversations: 400, seed: 21, out: data, schema: 'wildchat', shards: 4, workers: 1 })).files.sort();
  whole = await buildIndex({ data, cache: join(root, 'whole'), runPostings: 2_000 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an interrupted ingest', () => {
  it('resumes after files were tokenized, reading only the others, into the same index', async () => {
    const cache = join(root, 'after-read');
    await killedIngest(cache, 'read', 1);
    expect(existsSync(join(cache, BUILDING_DIR))).toBe(true);
    const lines: string[] = [];
    const read: number[] = [];
    const m = await buildIndex({
      data,
      cache,
      runPostings: 2_000,
      log: (l) => lines.push(l),
      afterFile: (s, k) => s === 'read' && read.push(k),
    });
    const resumed = lines.find((l) => l.startsWith('[resume]'));
    expect(resumed).toMatch(/4\/4 files in the tables and 1 tokenized by an interrupted ingest/);
    // The file tokenized before the kill is not read again; the one its sibling worker was halfway through is.
    expect(read).toHaveLength(3);
    expect(lines.filter((l) => /^\[tables\] .*, file \d\/4:/.test(l))).toEqual([]);
    const counts = (x: Manifest) => [x.conversations, x.messages, x.terms, x.postings, x.text.bytes];
    expect(counts(m)).toEqual(counts(whole));
    expect(await tableChecksums(cache)).toEqual(await tableChecksums(join(root, 'whole')));
    expect(textHash(cache, m)).toBe(textHash(join(root, 'whole'), whole));
    expect(existsSync(join(cache, BUILDING_DIR))).toBe(false);
  });

  it('resumes within the tables, inserting only the files not yet in them', async () => {
    const cache = join(root, 'in-tables');
    await killedIngest(cache, 'tables', 2);
    const lines: string[] = [];
    await buildIndex({ data, cache, runPostings: 2_000, log: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('[resume]'))).toMatch(/2\/4 files in the tables and 0 tokenized/);
    expect(lines.filter((l) => l.startsWith('[tables]') && / file \d\/4:/.test(l)).map((l) => / file (\d)\/4/.exec(l)![1])).toEqual([
      '3',
      '4',
    ]);
    expect(await tableChecksums(cache)).toEqual(await tableChecksums(join(root, 'whole')));
  });

  it('keeps only the files before one that changed since', async () => {
    const cache = join(root, 'changed');
    await killedIngest(cache, 'read', 1);
    const t = new Date(Date.now() + 60_000);
    utimesSync(files[2]!, t, t); // the third file "replaced" (same bytes, new time)
    const lines: string[] = [];
    await buildIndex({ data, cache, runPostings: 2_000, log: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('[resume]'))).toMatch(/2\/4 files in the tables/);
    expect(await tableChecksums(cache)).toEqual(await tableChecksums(join(root, 'whole')));
  });

  it('is not taken over by a second ingest while the first still runs', async () => {
    const cache = join(root, 'busy');
    await killedIngest(cache, 'tables', 1);
    const sleeper = spawn('sleep', ['600']);
    try {
      const journal = join(cache, BUILDING_DIR, 'journal.json');
      writeFileSync(journal, JSON.stringify({ ...JSON.parse(readFileSync(journal, 'utf8')), pid: sleeper.pid }));
      await expect(buildIndex({ data, cache })).rejects.toThrow(
        `another ingest (process ${sleeper.pid}) is building in ${join(cache, BUILDING_DIR)}`,
      );
      expect(existsSync(journal)).toBe(true);
    } finally {
      sleeper.kill();
    }
  });
});
