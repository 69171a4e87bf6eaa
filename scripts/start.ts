// npm start: makes sure the bundled sample exists, (re)builds the index when the data changed,
// makes a production build when the code is newer than the last one, then serves with `next start`.
// npm run dev (--dev) prepares the data the same way, then serves with `next dev`. With a previous
// index, a failed rebuild is logged and reported by /api/health while the previous index keeps
// serving; with none, it exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config, INDEX_FILE, SAMPLE_DATASETS, SAMPLE_DIR, settingsOrExit, STATUS_FILE } from '../lib/config';
import { generate } from '../lib/generate';
import { buildIndex } from '../lib/ingest/build';
import { indexFreshness } from '../lib/ingest/freshness';
import { parseArgs } from './args';
import { staleBuild } from './build-freshness';

const dev = parseArgs(process.argv.slice(2), { dev: { type: 'flag' } }).dev === true;
settingsOrExit();
const cfg = config();
if (cfg.sample) {
  for (const d of SAMPLE_DATASETS) {
    const dir = resolve(SAMPLE_DIR, d.name);
    if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'))) continue;
    console.log(`generating the bundled sample's ${d.name} dataset (${d.conversations} conversations shaped like ${d.kind}) in ${dir}`);
    await generate({ conversations: d.conversations, seed: d.seed, out: dir, schema: d.kind, log: (l) => console.log(l) });
  }
}

mkdirSync(cfg.cache, { recursive: true });
const status = (problem?: string) =>
  writeFileSync(join(cfg.cache, STATUS_FILE), JSON.stringify({ problem, checkedAt: new Date().toISOString() }));
const fresh = await indexFreshness(cfg.data, cfg.cache, cfg.vectors);
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

const next = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', String(cfg.port), '-H', cfg.host], {
  stdio: 'inherit',
  env: { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE || '8', WILDSCOPE_CACHE: cfg.cache },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => next.kill(sig));
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
