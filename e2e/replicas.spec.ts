// Replicas: two production servers started with WILDSCOPE_INDEX on one prebuilt index answer
// identically (health with its index_id, a listing with facets, a search, a conversation) and write
// nothing beside the index; WILDSCOPE_PROCESSES=2 serves one port from two processes, both move to
// a re-ingested index, and SIGTERM stops both. The index is built here from a small generated dataset; the servers are this
// worktree's production build, made before the end-to-end tests run.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fresh, ready, run, start, type Server } from './own-server';

const BASE_PORT = Number(process.env.E2E_PORT || 3210);
const PORT_A = BASE_PORT + 1;
const PORT_B = BASE_PORT + 3;

let root: string;
let index: string;
let a: Server;
let b: Server;

/** Names, sizes and modification times of a folder's files: what a read-only server must leave as it found. */
const snapshot = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => {
      const st = statSync(join(dir, f));
      return `${f} ${st.size} ${st.mtimeMs}`;
    });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids `start.ts` reports once every process listens. */
const pidsOf = (s: Server) => {
  const m = /with (\d+) process(?:es)? \(pids ([\d, ]+)\)/.exec(s.out());
  return m ? m[2]!.split(', ').map(Number) : [];
};

let before: string[];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'wildscope-replicas-'));
  index = join(root, 'index');
  run('scripts/generate.ts', ['--conversations', '300', '--seed', '24', '--out', join(root, 'data')]);
  run('scripts/generate.ts', ['--conversations', '120', '--seed', '25', '--out', join(root, 'other')]);
  run('scripts/ingest.ts', [], { WILDSCOPE_DATA: join(root, 'data'), WILDSCOPE_CACHE: index });
  // The Parquet the index was built from is gone from where the manifest names it.
  renameSync(join(root, 'data'), join(root, 'source'));
  before = snapshot(index);
  a = start(PORT_A, { WILDSCOPE_INDEX: index, WILDSCOPE_PROCESSES: '1' });
  b = start(PORT_B, { WILDSCOPE_INDEX: index, WILDSCOPE_PROCESSES: '2' });
  await Promise.all([ready(PORT_A, a), ready(PORT_B, b)]);
});

test.afterAll(async () => {
  for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGTERM');
  await Promise.all([a?.exited, b?.exited]);
  rmSync(root, { recursive: true, force: true });
});

test('two replicas of one index answer identically, with the index files’ checksum as index_id', async () => {
  const both = async (path: string) => {
    const [x, y] = await Promise.all([fresh(PORT_A, path), fresh(PORT_B, path)]);
    expect(x.status, path).toBe(200);
    expect(y.status, path).toBe(200);
    expect(y.body, path).toBe(x.body);
    return JSON.parse(x.body);
  };
  const health = await both('/api/health');
  const hash = createHash('sha256');
  const manifest = JSON.parse(readFileSync(join(index, 'manifest.json'), 'utf8'));
  for (const f of ['index.duckdb', manifest.text.file]) hash.update(readFileSync(join(index, f)));
  expect(health).toMatchObject({ status: 'ok', conversations: 300, index_id: hash.digest('hex') });

  const listing = await both('/api/conversations?sort=turns&limit=20');
  expect(listing.rows).toHaveLength(20);
  const language = listing.rows[0].language as string;
  const facets = await both(`/api/facets?language=${encodeURIComponent(language)}`);
  expect(JSON.stringify(facets)).toContain(language);
  const filtered = await both(`/api/conversations?language=${encodeURIComponent(language)}&sort=newest&limit=10`);
  expect(filtered.total).toBeGreaterThan(0);
  const conversation = await both(`/api/conversations/${encodeURIComponent(listing.rows[0].id)}`);
  expect(conversation.messages.length).toBeGreaterThan(1);
  // A word of that conversation's first message, searched for on both.
  const word = (conversation.messages[0].content as string).match(/[A-Za-z]{5,}/)![0];
  const search = await both(`/api/conversations?q=${encodeURIComponent(word)}&limit=10`);
  expect(search.total).toBeGreaterThan(0);
  // Served read-only: nothing written beside the index (no status file, no spill folder).
  expect(snapshot(index)).toEqual(before);
});

test('WILDSCOPE_PROCESSES=2 answers on one port from two processes, and SIGTERM stops both', async () => {
  const pids = pidsOf(b);
  expect(pids).toHaveLength(2);
  for (const pid of pids) {
    // Each is a child of the one started, with its own open index: both have answered requests.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])).toBe(b.child.pid);
  }
  for (let i = 0; i < 6; i++) expect((await fresh(PORT_B, '/api/health')).status).toBe(200);
  for (const pid of pids) {
    const open = readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return ''; // closed meanwhile
      }
    });
    expect(open, `files open in ${pid}`).toContain(join(index, 'index.duckdb'));
  }
  b.child.kill('SIGTERM');
  expect(await b.exited).toBe(143);
  for (const pid of pids) expect(alive(pid)).toBe(false);
  await expect(fresh(PORT_B, '/api/health')).rejects.toThrow();
});

test('with two processes, a re-ingest into the cache is served by both once renamed into place', async () => {
  test.setTimeout(180_000);
  const cache = join(root, 'cache');
  run('scripts/ingest.ts', [], { WILDSCOPE_DATA: join(root, 'source'), WILDSCOPE_CACHE: cache });
  const c = start(BASE_PORT + 5, { WILDSCOPE_DATA: join(root, 'source'), WILDSCOPE_CACHE: cache, WILDSCOPE_PROCESSES: '2' });
  try {
    await ready(BASE_PORT + 5, c);
    const counts = async () => {
      const answers = [];
      // Successive connections go to the processes in turn: four reach each twice.
      for (let i = 0; i < 4; i++) answers.push(JSON.parse((await fresh(BASE_PORT + 5, '/api/health')).body).conversations);
      return answers;
    };
    expect(await counts()).toEqual([300, 300, 300, 300]);
    run('scripts/ingest.ts', [], { WILDSCOPE_DATA: join(root, 'other'), WILDSCOPE_CACHE: cache });
    await expect.poll(counts, { timeout: 30_000 }).toEqual([120, 120, 120, 120]);
  } finally {
    c.child.kill('SIGTERM');
    await c.exited;
  }
});

test('WILDSCOPE_INDEX on a folder without an index refuses to start, saying so', async () => {
  const s = start(BASE_PORT + 4, { WILDSCOPE_INDEX: join(root, 'nothing') });
  expect(await s.exited).toBe(1);
  expect(s.out()).toMatch(/cannot serve WILDSCOPE_INDEX=.*nothing: no index\.duckdb there/);
});
