// npx tsx scripts/bench-processes.ts --index DIR --data DIR [--processes 1,2 --clients 16 --duration 40 --port P --seed S]
// Throughput of the production server with 1, 2, ... processes (WILDSCOPE_PROCESSES) on a built
// index served read-only (WILDSCOPE_INDEX): the benchmark's request mix (lib/bench/mix.ts, as in
// scripts/bench.ts's concurrent phase) from C clients for D seconds, after one warm-up pass. Reports
// requests/s, p50/p95 of the probes, CPU seconds per request of the whole process tree, the share
// of it on the processes' JavaScript threads, and the tree's peak RSS. Writes bench-results/processes.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { treeCpu } from '../lib/bench/cpu';
import { buildMix, rng, sampleWords, type Probe } from '../lib/bench/mix';
import { rssKb } from '../lib/bench/process';
import { stats } from '../lib/bench/stats';
import { MANIFEST_FILE } from '../lib/ingest/manifest';
import { parseArgs } from './args';

const a = parseArgs(process.argv.slice(2), {
  index: { type: 'string' },
  data: { type: 'string' },
  processes: { type: 'string', default: '1,2' },
  clients: { type: 'int', min: 1, default: 16 },
  duration: { type: 'int', min: 1, default: 40 },
  port: { type: 'int', min: 1024, default: 3400 },
  seed: { type: 'int', default: 1 },
});
if (!a.index || !a.data) throw new Error('--index DIR and --data DIR (its Parquet, for the words of the mix) are required');
const index = resolve(a.index as string);
const data = resolve(a.data as string);
const seed = a.seed as number;
const base = `http://127.0.0.1:${a.port}`;
const manifest = JSON.parse(readFileSync(join(index, MANIFEST_FILE), 'utf8')) as { conversations: number };

const get = async (path: string) => {
  const r = await fetch(base + path, { redirect: 'manual' });
  await r.arrayBuffer();
  if (r.status >= 400) throw new Error(`${path} answered ${r.status}`);
};
const timeProbe = async (p: Probe) => {
  const t = performance.now();
  await Promise.all(p.urls.map(get));
  return performance.now() - t;
};

async function startServer(processes: number) {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(a.port),
      HOST: '127.0.0.1',
      WILDSCOPE_INDEX: index,
      WILDSCOPE_PROCESSES: String(processes),
      WILDSCOPE_MATCH_CACHE_SECONDS: '0', // as scripts/bench.ts: a repeated probe searches again
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 120_000) throw new Error('server not ready after 120 s');
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

async function prepareMix(): Promise<Probe[]> {
  const facets = await (await fetch(`${base}/api/facets`)).json();
  const pick = rng(seed + 2);
  const pages = await Promise.all(
    Array.from({ length: 4 }, () =>
      fetch(`${base}/api/conversations?limit=10&offset=${Math.floor(pick() * Math.max(1, manifest.conversations - 10))}`).then((x) =>
        x.json(),
      ),
    ),
  );
  const ids: string[] = pages.flatMap((p) => p.rows.map((row: { id: string }) => row.id));
  const tids = await Promise.all(
    ids
      .slice(0, 20)
      .map(async (id) => (await (await fetch(`${base}/api/conversations/${id}`)).json()).messages.at(-1).turn_identifier as string),
  );
  const words = await sampleWords(join(data, '*.parquet'), seed);
  return buildMix(facets, words, ids, tids, manifest.conversations, seed);
}

let mix: Probe[] | undefined;
const results = [];
for (const processes of String(a.processes).split(',').map(Number)) {
  const server = await startServer(processes);
  mix ??= await prepareMix();
  for (const p of mix) await timeProbe(p).catch(() => 0); // warm-up: every process opens the index
  let peakKb = 0;
  const rssTimer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.pid!))), 500);
  const before = treeCpu(server.pid!);
  const t0 = performance.now();
  const ms: number[] = [];
  let errors = 0;
  let requests = 0;
  const until = Date.now() + (a.duration as number) * 1000;
  const r = rng(seed + 1);
  await Promise.all(
    Array.from({ length: a.clients as number }, async () => {
      while (Date.now() < until) {
        const p = mix![Math.floor(r() * mix!.length)]!;
        try {
          ms.push(await timeProbe(p));
          requests += p.urls.length;
        } catch (err) {
          errors++;
          console.error(String(err));
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const after = treeCpu(server.pid!);
  clearInterval(rssTimer);
  server.kill('SIGTERM');
  await new Promise((res) => server.on('exit', res));
  const cpu = after.total - before.total;
  const primary = (after.byPid.get(server.pid!) ?? 0) - (before.byPid.get(server.pid!) ?? 0);
  const s = stats(ms, errors);
  const row = {
    processes,
    clients: a.clients,
    seconds: +seconds.toFixed(1),
    probes: ms.length,
    requests,
    errors,
    requestsPerSecond: +(requests / seconds).toFixed(1),
    probesPerSecond: +(ms.length / seconds).toFixed(1),
    p50: +s.p50.toFixed(0),
    p95: +s.p95.toFixed(0),
    cpuSeconds: +cpu.toFixed(1),
    cpuMsPerRequest: +((cpu / requests) * 1000).toFixed(1),
    mainThreadShare: +((after.main - before.main) / cpu).toFixed(3),
    primaryCpuSeconds: +primary.toFixed(2),
    peakRssMb: Math.round(peakKb / 1024), // every process of the server together
  };
  console.log(JSON.stringify(row));
  results.push(row);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/processes.json', JSON.stringify({ index, data, at: new Date().toISOString(), results }, null, 2));
