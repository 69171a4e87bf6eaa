// npm run bench [-- --conversations N --seed S --duration SECONDS --clients C --repeat R --baseline-repeat B --port P
//   --no-peer --peer-baseline-repeat B --processes N --lmsys M --schema wildchat|wildchat-4.8m]
// Generates (or reuses) a synthetic WildChat-shaped dataset, ingests it, starts the production
// server, drives a seeded request mix one at a time and then concurrently, asks the comparable
// questions of the raw Parquet and of an SQLite FTS5 peer built from the same files, and writes
// bench-results/report.{json,md}. Exits 1 on any error, a failed peer or a total the peer disagrees on.
// With --lmsys M, an LMSYS-shaped dataset of M conversations is served beside the WildChat one
// (two datasets in one index, #21), and the mix gains probes filtered to each dataset; the raw
// Parquet and the peer, which hold one dataset, are left out then.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { openBaseline } from '../lib/bench/baseline';
import { buildMix, datasetProbes, rng, sampleWords, type Probe } from '../lib/bench/mix';
import { measureMapPage, measurePaint } from '../lib/bench/paint';
import { askPeer, buildPeer, pickPhrases, pickWords, sampleConversations, vocabulary, type Vocabulary } from '../lib/bench/peer';
import { rssKb, runMeasured, type Watched } from '../lib/bench/process';
import {
  peerFailures,
  renderReport,
  type ClassResult,
  type PeerAnswer,
  type PeerBuild,
  type PeerQuestion,
  type Report,
  type MapReport,
} from '../lib/bench/report';
import { stats } from '../lib/bench/stats';
import { Database } from '../lib/db/duckdb';
import { indexFreshness } from '../lib/ingest/freshness';
import { MANIFEST_FILE } from '../lib/ingest/manifest';
import { parseArgs } from './args';
import { staleBuild } from './build-freshness';

const a = parseArgs(process.argv.slice(2), {
  conversations: { type: 'int', min: 100, default: 838_000 },
  seed: { type: 'int', default: 1 },
  duration: { type: 'int', min: 1, default: 30 },
  clients: { type: 'int', min: 1, default: 16 },
  repeat: { type: 'int', min: 1, default: 5 },
  'baseline-repeat': { type: 'int', min: 0, default: 1 },
  port: { type: 'int', min: 1024, default: 3400 },
  'no-peer': { type: 'flag' },
  'peer-baseline-repeat': { type: 'int', min: 0 },
  // WILDSCOPE_PROCESSES for the server; 1 by default, so figures compare with earlier runs.
  processes: { type: 'int', min: 1, default: 1 },
  lmsys: { type: 'int', min: 100 },
  // The WildChat release the generated dataset is shaped like (WildChat-4.8M adds columns).
  schema: { type: 'string', default: 'wildchat', choices: ['wildchat', 'wildchat-4.8m'] },
});
const N = a.conversations as number;
const seed = a.seed as number;
// Real paths: a .cache/bench linked from another checkout names the files its index was built from.
const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
const schema = a.schema as string;
// WildChat-1M-shaped data keeps the folder names of earlier runs.
const shape = schema === 'wildchat' ? '' : '-4.8m';
const data = real(resolve(`.cache/bench/wildchat${shape}-${N}-s${seed}`));
const M = a.lmsys as number | undefined;
const lmsysData = M ? real(resolve(`.cache/bench/lmsys-${M}-s${seed}`)) : undefined;
// WILDSCOPE_DATA of the served index: the WildChat files, or both datasets by name.
const served = lmsysData ? `wildchat=${data};lmsys=${lmsysData}` : data;
const cache = real(resolve(`.cache/bench/index${shape}-${N}-s${seed}${M ? `-lmsys-${M}` : ''}`));
if (M) {
  a['no-peer'] = true;
  a['baseline-repeat'] = 0;
}
const base = `http://127.0.0.1:${a.port}`;
const tsx = [process.execPath, '--import', 'tsx'] as const;
const dirSize = (d: string) => readdirSync(d).reduce((s, f) => s + statSync(join(d, f)).size, 0);

let generation: Watched | undefined;
if (!existsSync(data) || !readdirSync(data).some((f) => f.endsWith('.parquet'))) {
  console.log(`generating ${N} conversations into ${data}`);
  generation = await runMeasured(
    tsx[0],
    [...tsx.slice(1), 'scripts/generate.ts', '--conversations', String(N), '--seed', String(seed), '--schema', schema, '--out', data],
    process.env,
  );
}
if (lmsysData && (!existsSync(lmsysData) || !readdirSync(lmsysData).some((f) => f.endsWith('.parquet')))) {
  console.log(`generating ${M} LMSYS conversations into ${lmsysData}`);
  await runMeasured(
    tsx[0],
    [...tsx.slice(1), 'scripts/generate.ts', '--conversations', String(M), '--seed', String(seed), '--schema', 'lmsys', '--out', lmsysData],
    process.env,
  );
}
let ingest: Watched | undefined;
if ((await indexFreshness(served, cache)).state !== 'fresh') {
  console.log(`ingesting ${served}`);
  ingest = await runMeasured(tsx[0], [...tsx.slice(1), 'scripts/ingest.ts'], {
    ...process.env,
    WILDSCOPE_DATA: served,
    WILDSCOPE_CACHE: cache,
  });
}
const manifest = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(cache, MANIFEST_FILE), 'utf8')));

// The SQLite FTS5 peer, built before the server starts so neither slows the other.
const withPeer = !a['no-peer'];
let peerError: string | undefined;
let peer: { db: string; build: PeerBuild; engine: string } | undefined;
let vocab: Vocabulary | undefined;
let peerStarted = performance.now();
if (withPeer) {
  console.log('building the SQLite FTS5 peer');
  try {
    peer = await buildPeer(join(data, '*.parquet'), data, resolve(`.cache/bench/sqlite-${N}-s${seed}`));
    // Sampled now: blocking the event loop seconds later would outlast the server's keep-alive.
    vocab = vocabulary(await sampleConversations(join(data, '*.parquet'), seed + 3));
  } catch (err) {
    peerError = String(err);
  }
  if (peer)
    console.log(
      `SQLite FTS5 peer ${peer.build.reused ? 'reused' : `built in ${peer.build.seconds.toFixed(1)} s`}, ${(peer.build.bytes / 1e6).toFixed(0)} MB`,
    );
}
let peerSeconds = (performance.now() - peerStarted) / 1000;

if (staleBuild(process.cwd())) await runMeasured('npx', ['next', 'build'], process.env);
const startedServer = Date.now();
// Matches are not kept between requests (only shared by those of one probe, made together), so a
// repeated probe searches again rather than measuring a cache.
const server = spawn(tsx[0], [...tsx.slice(1), 'scripts/start.ts'], {
  env: {
    ...process.env,
    PORT: String(a.port),
    HOST: '127.0.0.1',
    WILDSCOPE_DATA: served,
    WILDSCOPE_CACHE: cache,
    WILDSCOPE_MATCH_CACHE_SECONDS: '0',
    WILDSCOPE_PROCESSES: String(a.processes),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let serverPeak = 0;
const rssTimer = setInterval(() => {
  serverPeak = Math.max(serverPeak, rssKb(server.pid!));
}, 250);
const stopServer = () => {
  clearInterval(rssTimer);
  server.kill('SIGTERM');
};
process.on('exit', stopServer);
for (;;) {
  if (Date.now() - startedServer > 300_000) throw new Error('server not ready after 300 s');
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    /* not listening yet */
  }
  await new Promise((r) => setTimeout(r, 100));
}
const readySeconds = (Date.now() - startedServer) / 1000;
console.log(`server ready in ${readySeconds.toFixed(1)} s`);

const get = async (path: string) => {
  const r = await fetch(base + path, { redirect: 'manual' });
  await r.arrayBuffer();
  if (r.status >= 400) throw new Error(`${path} answered ${r.status}`);
};
const facets = await (await fetch(`${base}/api/facets`)).json();
// Conversations at seeded random positions (typical ones), and the longest few (a class of their own).
const pickR = rng(seed + 2);
const pages = await Promise.all(
  Array.from({ length: 4 }, () =>
    fetch(`${base}/api/conversations?limit=10&offset=${Math.floor(pickR() * Math.max(1, manifest.conversations - 10))}`).then((x) =>
      x.json(),
    ),
  ),
);
const ids: string[] = pages.flatMap((p) => p.rows.map((row: { id: string }) => row.id));
const longestRows: { id: string; turns: number }[] = (await (await fetch(`${base}/api/conversations?sort=turns&limit=5`)).json()).rows;
const longest = longestRows.map((row) => row.id);
// Turn identifiers of the same conversations' last turns (LMSYS conversations have none).
const tids = (
  await Promise.all(
    ids
      .slice(0, 20)
      .map(async (id) => (await (await fetch(`${base}/api/conversations/${id}`)).json()).messages.at(-1).turn_identifier as string | null),
  )
).filter((t): t is string => t !== null);
const words = await sampleWords(join(data, '*.parquet'), seed);
const mix = [
  ...buildMix(facets, words, ids, tids, manifest.conversations, seed),
  ...(M ? datasetProbes(words) : []),
  ...longest.map((id) => ({ cls: 'longest conversation pages', urls: [`/c/${id}`] })),
];

// A probe's time is that of its requests made together, as the page makes them.
const timeProbe = async (p: Probe) => {
  const t = performance.now();
  await Promise.all(p.urls.map(get));
  return performance.now() - t;
};

for (const p of mix) await timeProbe(p).catch(() => 0); // warm-up
const byClass = new Map<string, { ms: number[]; errors: number; probes: Probe[] }>();
for (const p of mix) {
  const e = byClass.get(p.cls) ?? { ms: [], errors: 0, probes: [] };
  byClass.set(p.cls, e);
  e.probes.push(p);
  for (let i = 0; i < (a.repeat as number); i++) {
    try {
      e.ms.push(await timeProbe(p));
    } catch (err) {
      e.errors++;
      console.error(String(err));
    }
  }
}

// The peer's questions asked of Wildscope, on a still quiet server: the words picked by their
// totals here, then each question's listing of the newest 50 and its facets, requested together.
let peerQuestions: PeerQuestion[] = [];
const peerWildscope: { total: number; ms: number }[] = [];
if (peer && vocab && !peerError) {
  peerStarted = performance.now();
  const listing = (q: string, limit: number) => `/api/conversations?${new URLSearchParams({ q, sort: 'newest', limit: String(limit) })}`;
  const query = (p: PeerQuestion) => (p.phrase ? `"${p.query}"` : p.query);
  const total = async (q: string) => (await (await fetch(base + listing(q, 1))).json()).total as number;
  try {
    peerQuestions = [...(await pickWords(vocab, manifest.conversations, total)), ...pickPhrases(vocab)];
    for (const p of peerQuestions) {
      const probe: Probe = { cls: 'peer', urls: [listing(query(p), 50), `/api/facets?${new URLSearchParams({ q: query(p) })}`] };
      const n = await total(query(p));
      await timeProbe(probe);
      const ms: number[] = [];
      for (let i = 0; i < (a.repeat as number); i++) ms.push(await timeProbe(probe));
      peerWildscope.push({ total: n, ms: stats(ms).p50 });
    }
  } catch (err) {
    peerError = `${err}${(err as Error).cause ? ` (${(err as Error).cause})` : ''}`;
  }
  peerSeconds += (performance.now() - peerStarted) / 1000;
}

// First paint of the heaviest conversation pages, on a still quiet server.
const index = await Database.open(join(cache, 'index.duckdb'), { readOnly: true, threads: 1 });
const ic = await index.connect();
const biggest = (await ic.one<{ id: string; chars: number }>(
  'SELECT c.id, m.n_chars AS chars FROM messages m JOIN conversations c ON c.idx = m.conv ORDER BY m.n_chars DESC LIMIT 1',
))!;
ic.close();
index.close();
const paint = await measurePaint(
  base,
  [
    { label: `the largest message (${Math.round(Number(biggest.chars) / 1000)}k characters)`, path: `/c/${biggest.id}` },
    { label: `the longest conversation (${longestRows[0]!.turns} turns)`, path: `/c/${longest[0]}` },
  ],
  3,
);

// The topic map: what the browser is sent, and how soon the page has drawn every point.
const pointsBytes = (await (await fetch(`${base}/api/map/points`)).arrayBuffer()).byteLength;
const mapPage = await measureMapPage(base, 3);
const map: MapReport = {
  buildSeconds: manifest.map.seconds,
  points: manifest.map.points,
  topics: manifest.map.topics,
  subtopics: manifest.map.subtopics,
  pointsBytes,
  scriptGzipBytes: mapPage?.scriptGzipBytes ?? NaN,
  readyMs: mapPage?.readyMs,
};

// Concurrency: C clients for D seconds over the whole mix.
const conc = { ms: [] as number[], errors: 0, byClass: new Map<string, { ms: number[]; errors: number }>() };
const until = Date.now() + (a.duration as number) * 1000;
const r = rng(seed + 1);
serverPeak = 0;
await Promise.all(
  Array.from({ length: a.clients as number }, async () => {
    while (Date.now() < until) {
      const p = mix[Math.floor(r() * mix.length)]!;
      const cls = conc.byClass.get(p.cls) ?? { ms: [], errors: 0 };
      conc.byClass.set(p.cls, cls);
      try {
        const ms = await timeProbe(p);
        conc.ms.push(ms);
        cls.ms.push(ms);
      } catch (err) {
        conc.errors++;
        cls.errors++;
        console.error(String(err));
      }
    }
  }),
);
const concurrentPeakMb = serverPeak / 1024;
stopServer();

const results: ClassResult[] = [];
const baseline = (a['baseline-repeat'] as number) > 0 ? await openBaseline(join(data, '*.parquet')) : undefined;
for (const [cls, e] of byClass) {
  let baselineMs: number | undefined;
  const q = e.probes.find((p) => p.baseline)?.baseline;
  if (baseline && q) {
    const times: number[] = [];
    for (let i = 0; i < (a['baseline-repeat'] as number); i++) times.push(await baseline.ask(q));
    baselineMs = stats(times).p50;
  }
  results.push({ cls, ...stats(e.ms, e.errors), baselineMs });
}

// The peer answers in process once the server is stopped, then the raw Parquet the same questions.
const peerAnswers: PeerAnswer[] = [];
// Below 100k conversations the raw Parquet takes about as long for every word (it reads all the
// text), so its column for the peer's questions is left out unless asked for: 30 s at 20k in CI.
const peerBaselineRepeat = (a['peer-baseline-repeat'] as number | undefined) ?? (N >= 100_000 ? (a['baseline-repeat'] as number) : 0);
if (peer && !peerError) {
  peerStarted = performance.now();
  try {
    const answers = await askPeer(peer.db, a.repeat as number, peerQuestions);
    peerSeconds += (performance.now() - peerStarted) / 1000;
    for (const [i, q] of peerQuestions.entries()) {
      let baselineMs: number | undefined;
      if (baseline && peerBaselineRepeat > 0) {
        const times: number[] = [];
        for (let k = 0; k < peerBaselineRepeat; k++)
          times.push(await baseline.ask(q.phrase ? { phrase: q.query.split(' ') } : { words: [q.query] }));
        baselineMs = stats(times).p50;
      }
      const [wildscope, sqlite] = [peerWildscope[i], answers[i]];
      if (!wildscope || !sqlite) throw new Error(`no answer for ${q.query}`);
      peerAnswers.push({ ...q, wildscope, sqlite, baselineMs });
    }
  } catch (err) {
    peerError = String(err);
  }
}
baseline?.close();

const report: Report = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, duckdb: '1.5.6' },
  dataset: {
    conversations: manifest.conversations,
    messages: manifest.messages,
    terms: manifest.terms,
    postings: manifest.postings,
    parquetMb: (dirSize(data) + (lmsysData ? dirSize(lmsysData) : 0)) / 1e6,
    indexMb: manifest.bytes / 1e6,
  },
  generation: generation && { seconds: generation.seconds, peakRssMb: generation.peakRssMb },
  ingest: ingest ? { seconds: ingest.seconds, peakRssMb: ingest.peakRssMb } : { seconds: manifest.seconds, peakRssMb: undefined },
  server: { readySeconds, peakRssMb: concurrentPeakMb },
  classes: results,
  concurrent: {
    clients: a.clients as number,
    seconds: a.duration as number,
    ...stats(conc.ms, conc.errors),
    throughput: conc.ms.length / (a.duration as number),
    byClass: [...conc.byClass].map(([cls, c]) => ({ cls, ...stats(c.ms, c.errors) })).sort((x, y) => y.p95 - x.p95),
  },
  paint,
  map,
  peer: !withPeer
    ? null
    : peerError || !peer
      ? { error: peerError ?? 'not built' }
      : { engine: peer.engine, build: peer.build, answers: peerAnswers },
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/report.json', JSON.stringify(report, null, 2));
const md = renderReport(report);
writeFileSync('bench-results/report.md', md);
console.log(md);
if (withPeer)
  console.log(
    `SQLite FTS5 peer: ${peerSeconds.toFixed(1)} s of this run (its build, picking the words and both sides' answers; the raw Parquet's not counted)`,
  );
const disagreements = peerFailures(report);
for (const d of disagreements) console.error(d);
const failed = results.reduce((s, c) => s + c.errors, 0) + conc.errors + disagreements.length;
process.exit(failed ? 1 : 0);
