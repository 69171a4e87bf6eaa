// npm start: makes sure the bundled sample exists, (re)builds the index when the data changed,
// makes a production build when the code is newer than the last one, then serves the build in
// WILDSCOPE_PROCESSES processes on one port (lib/server/processes.ts, next-process.mjs). With WILDSCOPE_INDEX it
// serves that folder's index as it is: no sample, no freshness check, no rebuild, nothing written.
// npm run dev (--dev) prepares the data the same way, then serves with one `next dev`. With a
// previous index, a failed rebuild is logged and reported by /api/health while the previous index
// keeps serving; with none, it exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config, INDEX_FILE, SAMPLE_DATASETS, SAMPLE_DIR, settingsOrExit, STATUS_FILE } from '../lib/config';
import { generate } from '../lib/generate';
import { buildIndex } from '../lib/ingest/build';
import { indexFreshness } from '../lib/ingest/freshness';
import { BUILD_VERSION, readManifestFile } from '../lib/ingest/manifest';
import { serveProcesses } from '../lib/server/processes';
import { parseArgs } from './args';
import { staleBuild } from './build-freshness';

const dev = parseArgs(process.argv.slice(2), { dev: { type: 'flag' } }).dev === true;
settingsOrExit();
const cfg = config();
if (cfg.readOnly) await checkReadOnlyIndex(cfg.cache);
if (cfg.sample && !cfg.readOnly) {
  for (const d of SAMPLE_DATASETS) {
    const dir = resolve(SAMPLE_DIR, d.name);
    if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'))) continue;
    console.log(`generating the bundled sample's ${d.name} dataset (${d.conversations} conversations shaped like ${d.kind}) in ${dir}`);
    await generate({ conversations: d.conversations, seed: d.seed, out: dir, schema: d.kind, log: (l) => console.log(l) });
  }
}

if (!cfg.readOnly) mkdirSync(cfg.cache, { recursive: true });
const status = (problem?: string) =>
  !cfg.readOnly && writeFileSync(join(cfg.cache, STATUS_FILE), JSON.stringify({ problem, checkedAt: new Date().toISOString() }));
const fresh = cfg.readOnly ? { state: 'fresh' as const } : await indexFreshness(cfg.data, cfg.cache, cfg.vectors);
if (fresh.state !== 'fresh') {
  console.log(`index ${fresh.state}${'reason' in fresh && fresh.reason ? ` (${fresh.reason})` : ''}: building from ${cfg.data}`);
  try {
    const m = await buildIndex({ data: cfg.data, cache: cfg.cache, vectors: cfg.vectors, log: (l) => console.log(l) });
    console.log(`index ready: ${m.conversations} conversations, ${m.messages} messages, ${m.seconds.toFixed(1)} s`);
    status();
  } catch (e) {
    const problem = e instanceof Error ? e.message : String(e);
    console.error(`ingest failed: ${problem}`);
    if (fresh.state !== 'stale' || !existsSync(join(cfg.cache, INDEX_FILE))) process.exit(1);
    console.error('serving the previous index');
    status(`the last rebuild failed: ${problem}`);
  }
} else {
  status();
}

const nextBin = resolve('node_modules/next/dist/bin/next');
const stale = dev ? undefined : staleBuild(process.cwd());
if (stale) {
  console.log(`${stale}: running next build`);
  if (spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

const env = { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE || '8', WILDSCOPE_CACHE: cfg.cache };
if (dev) {
  const next = spawn(process.execPath, [nextBin, 'dev', '-p', String(cfg.port), '-H', cfg.host], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => next.kill(sig));
  next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const server = resolve('lib/server/next-process.mjs');
  serveProcesses({ server, port: cfg.port, host: cfg.host, processes: cfg.processes, env, log: (l) => console.log(l) });
}

/** WILDSCOPE_INDEX: an index of this build version must be there, or nothing is served. */
async function checkReadOnlyIndex(dir: string): Promise<void> {
  const refuse = (why: string) => {
    console.error(`Wildscope cannot serve WILDSCOPE_INDEX=${dir}: ${why}`);
    process.exit(1);
  };
  if (!existsSync(join(dir, INDEX_FILE))) refuse(`no ${INDEX_FILE} there; build one with WILDSCOPE_CACHE=${dir} npm run ingest`);
  let version: number | undefined;
  try {
    version = (await readManifestFile(join(dir, INDEX_FILE))).buildVersion;
  } catch (e) {
    refuse(`its ${INDEX_FILE} cannot be read (${String(e instanceof Error ? e.message : e).split('\n')[0]})`);
  }
  if (version !== BUILD_VERSION)
    refuse(
      `the index was built by another version of Wildscope (build version ${version ?? 'unknown'}; this one reads ${BUILD_VERSION}): rebuild it with npm run ingest`,
    );
  console.log(`serving the index in ${dir} read-only`);
}
