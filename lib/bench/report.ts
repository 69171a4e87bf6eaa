// The benchmark report as markdown, with the project's targets beside the figures.
import type { PaintResult } from './paint';
import type { Stats } from './stats';

export interface ClassResult extends Stats {
  cls: string;
  baselineMs?: number;
}
export interface Report {
  date: string;
  machine: { cores: number; memoryGb: number; node: string; duckdb: string };
  dataset: { conversations: number; messages: number; terms: number; postings: number; parquetMb: number; indexMb: number };
  generation?: { seconds: number; peakRssMb: number };
  ingest: { seconds: number; peakRssMb?: number };
  server: { readySeconds: number; peakRssMb: number };
  classes: ClassResult[];
  concurrent: Stats & { clients: number; seconds: number; throughput: number; byClass?: ({ cls: string } & Stats)[] };
  paint?: PaintResult[] | null; // null: chromium was not there to measure it
  map?: MapReport;
  peer?: PeerReport | { error: string } | null; // null: skipped (--no-peer)
}

/** The topic map: its build at ingest (from the manifest), what the browser is sent, and the page's readiness. */
export interface MapReport {
  buildSeconds: number;
  points: number;
  topics: number;
  subtopics: number;
  pointsBytes: number;
  /** The scripts /map loads that explore does not, gzipped. */
  scriptGzipBytes: number;
  /** Median time from navigation to the points drawn (chromium); undefined without chromium. */
  readyMs?: number;
}

/** The SQLite FTS5 peer (lib/bench/peer.ts): its build, and both sides' answers to the same questions. */
export interface PeerBuild {
  seconds: number;
  exportSeconds: number;
  loadSeconds: number;
  indexSeconds: number;
  bytes: number;
  reused: boolean;
}
export interface PeerQuestion {
  cls: string;
  query: string;
  phrase: boolean;
}
export interface PeerAnswer extends PeerQuestion {
  wildscope: { total: number; ms: number };
  sqlite: { total: number; ms: number };
  baselineMs?: number;
}
export interface PeerReport {
  engine: string;
  build: PeerBuild;
  answers: PeerAnswer[];
}

/** SQLite's time over Wildscope's: how many times faster Wildscope answered (below 1: slower). */
export const speedUp = (a: PeerAnswer): number => a.sqlite.ms / a.wildscope.ms;
export const agrees = (a: PeerAnswer): boolean => a.wildscope.total === a.sqlite.total;

const TARGETS: Record<string, { p50?: number; p95?: number }> = {
  'distinctive terms': { p50: 300, p95: 800 },
  'compare page': { p50: 600 },
  'filters+facets+page': { p50: 100, p95: 250 },
  'search en frequent': { p50: 200, p95: 500 },
  'search en middle': { p50: 200, p95: 500 },
  'search en rare': { p50: 200, p95: 500 },
  'search zh': { p50: 200, p95: 500 },
  'search ru': { p50: 200, p95: 500 },
  'search user-scoped': { p50: 200, p95: 500 },
  phrase: { p95: 1000 },
  'conversation page': { p50: 30 },
  'turn redirect': { p50: 30 },
  'chart aggregates': { p50: 150, p95: 400 },
  'map matches': { p50: 300, p95: 600 },
};

const f = (x: number | undefined, d = 0) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));

export function renderReport(r: Report): string {
  const verdict = (c: ClassResult) => {
    const t = TARGETS[c.cls];
    if (!t) return '';
    if (c.n === 0) return 'no measurement';
    const miss = (t.p50 !== undefined && c.p50 > t.p50) || (t.p95 !== undefined && c.p95 > t.p95);
    return `${miss ? 'MISSED' : 'met'} (${[t.p50 && `p50 ≤ ${t.p50}`, t.p95 && `p95 ≤ ${t.p95}`].filter(Boolean).join(', ')})`;
  };
  const rows = r.classes.map(
    (c) =>
      `| ${c.cls} | ${c.n} | ${c.errors} | ${f(c.p50)} | ${f(c.p95)} | ${f(c.p99)} | ${f(c.max)} | ${f(c.baselineMs)} | ${c.baselineMs ? `${f(c.baselineMs / c.p50, 0)}×` : '—'} | ${verdict(c)} |`,
  );
  return [
    `Benchmark of ${r.date.slice(0, 10)}: ${r.dataset.conversations.toLocaleString('en-US')} conversations, ${r.dataset.messages.toLocaleString('en-US')} messages; ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}, DuckDB ${r.machine.duckdb}.`,
    '',
    `- Parquet ${f(r.dataset.parquetMb)} MB; index ${f(r.dataset.indexMb)} MB (${f(r.dataset.indexMb / r.dataset.parquetMb, 2)}×); ${r.dataset.terms.toLocaleString('en-US')} terms, ${r.dataset.postings.toLocaleString('en-US')} postings`,
    r.generation ? `- generation ${f(r.generation.seconds, 1)} s, peak RSS ${f(r.generation.peakRssMb)} MB` : '- generation: reused',
    `- ingest ${f(r.ingest.seconds, 1)} s${r.ingest.peakRssMb ? `, peak RSS ${f(r.ingest.peakRssMb)} MB` : ' (reused index)'}`,
    `- server ready in ${f(r.server.readySeconds, 1)} s; peak RSS under load ${f(r.server.peakRssMb)} MB`,
    '- a search is computed once per probe (its requests, made together, share it) and never kept for the next probe',
    '',
    '| request class (one at a time) | n | errors | p50 ms | p95 ms | p99 ms | max ms | raw Parquet ms | speed-up | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${r.concurrent.clients} concurrent clients for ${r.concurrent.seconds} s: ${r.concurrent.n} requests, ${r.concurrent.errors} errors, ` +
      `p50 ${f(r.concurrent.p50)} ms, p95 ${f(r.concurrent.p95)} ms, p99 ${f(r.concurrent.p99)} ms, max ${f(r.concurrent.max)} ms, ${f(r.concurrent.throughput, 1)} requests/s.`,
    '',
    ...(r.concurrent.byClass?.length
      ? [
          `| request class (${r.concurrent.clients} clients) | n | errors | p50 ms | p95 ms | max ms |`,
          '| --- | --- | --- | --- | --- | --- |',
          ...r.concurrent.byClass.map((c) => `| ${c.cls} | ${c.n} | ${c.errors} | ${f(c.p50)} | ${f(c.p95)} | ${f(c.max)} |`),
          '',
        ]
      : []),
    ...(r.paint === null
      ? ['First paint not measured: no chromium at CHROMIUM_PATH or /usr/bin/chromium.', '']
      : r.paint
        ? [
            'In chromium, median of fresh tabs on a quiet server:',
            '',
            ...r.paint.map((p) => `- ${p.label} (\`${p.path}\`): first paint ${f(p.firstPaintMs)} ms, load ${f(p.loadMs)} ms`),
            '',
          ]
        : []),
    ...renderPeer(r),
    `Other targets${r.dataset.conversations === 838_000 ? '' : ` (set for 838k conversations; this run is ${r.dataset.conversations < 838_000 ? 'smaller' : 'larger'})`}:`,
    '',
    ...otherTargets(r).map(([name, ok, value]) => `- ${name}: ${value}, ${ok ? 'met' : 'MISSED'}`),
    '',
  ].join('\n');
}

const times = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
/** Wildscope against SQLite for one answer: "3.2× faster" or "12× slower". */
export const versus = (speed: number): string => (speed >= 1 ? `${times(speed)}× faster` : `${times(1 / speed)}× slower`);

/** The SQLite FTS5 peer's table: both sides' times for the same questions, and whether their totals agree. */
export function renderPeer(r: Report): string[] {
  const p = r.peer;
  if (p === undefined) return [];
  if (p === null) return ['SQLite FTS5 peer skipped (--no-peer).', ''];
  if ('error' in p) return [`SQLite FTS5 peer FAILED: ${p.error}`, ''];
  const b = p.build;
  return [
    `Against ${p.engine}, Datasette's layout (conversations, messages, an FTS5 table over messages.content), one process, warm, ` +
      'median of the repeats; Wildscope over HTTP (a listing of the newest 50 and the facets, requested together), SQLite in process ' +
      '(the count, the newest 50 and the language, country and model counts of the matches, kept in a temporary table). ' +
      'Words are plain lowercase ASCII, for which both tokenizers agree, picked by how many conversations hold them:',
    '',
    `- SQLite build ${f(b.seconds, 1)} s${b.reused ? ' (reused: of an earlier run)' : ''} (export from Parquet ${f(b.exportSeconds, 1)} s, ` +
      `load ${f(b.loadSeconds, 1)} s, FTS5 index ${f(b.indexSeconds, 1)} s), ${f(b.bytes / 1e6)} MB (${f(b.bytes / 1e6 / r.dataset.parquetMb, 2)}× the Parquet); ` +
      `Wildscope ingest ${f(r.ingest.seconds, 1)} s${r.ingest.peakRssMb ? '' : ' (reused index)'}, ${f(r.dataset.indexMb)} MB`,
    '',
    '| class | query | conversations | SQLite ms | Wildscope ms | Wildscope | raw Parquet ms | totals agree |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...p.answers.map(
      (a) =>
        `| ${a.cls} | ${a.phrase ? `"${a.query}"` : a.query} | ${a.wildscope.total.toLocaleString('en-US')} | ` +
        `${f(a.sqlite.ms, 1)} | ${f(a.wildscope.ms, 1)} | ${versus(speedUp(a))} | ${f(a.baselineMs)} | ` +
        `${agrees(a) ? 'yes' : `NO (SQLite ${a.sqlite.total.toLocaleString('en-US')})`} |`,
    ),
    '',
  ];
}

/** Why the peer comparison fails the run: the peer failed, or a total differs. Empty when it passes or was skipped. */
export function peerFailures(r: Report): string[] {
  const p = r.peer;
  if (!p) return [];
  if ('error' in p) return [`SQLite FTS5 peer failed: ${p.error}`];
  return p.answers
    .filter((a) => !agrees(a))
    .map((a) => `totals differ for ${a.phrase ? `"${a.query}"` : a.query}: Wildscope ${a.wildscope.total}, SQLite ${a.sqlite.total}`);
}

/** The project's targets beyond per-class latency, each as [target, met, measured]. */
export function otherTargets(r: Report): [string, boolean, string][] {
  const out: [string, boolean, string][] = [];
  if (r.ingest.peakRssMb !== undefined) {
    out.push(['ingest ≤ 10 min', r.ingest.seconds <= 600, `${f(r.ingest.seconds)} s`]);
    out.push(['ingest peak RSS ≤ 8 GB', r.ingest.peakRssMb <= 8192, `${f(r.ingest.peakRssMb)} MB`]);
  }
  const ratio = r.dataset.indexMb / r.dataset.parquetMb;
  out.push(['index ≤ 2× the Parquet', ratio <= 2, `${f(ratio, 2)}×`]);
  out.push(['server ready ≤ 5 s', r.server.readySeconds <= 5, `${f(r.server.readySeconds, 1)} s`]);
  out.push([`${r.concurrent.clients} concurrent clients: zero errors`, r.concurrent.errors === 0, `${r.concurrent.errors} errors`]);
  out.push([`${r.concurrent.clients} concurrent clients: p95 ≤ 1 s`, r.concurrent.p95 <= 1000, `${f(r.concurrent.p95)} ms`]);
  out.push(['server RSS ≤ 3 GB', r.server.peakRssMb <= 3072, `${f(r.server.peakRssMb)} MB`]);
  for (const p of r.paint ?? []) out.push([`first paint < 1 s: ${p.label}`, p.firstPaintMs < 1000, `${f(p.firstPaintMs)} ms`]);
  if (r.map) {
    const m = r.map;
    out.push(['map build ≤ 5 min of the ingest', m.buildSeconds <= 300, `${f(m.buildSeconds)} s`]);
    const perPoint = m.pointsBytes / Math.max(1, m.points);
    out.push(['map points ≤ 6 bytes each', perPoint <= 6, `${f(perPoint, 2)} bytes (${f(m.pointsBytes / 1e6, 1)} MB)`]);
    out.push(['map script ≤ 300 KB gzipped', m.scriptGzipBytes <= 300_000, `${f(m.scriptGzipBytes / 1000)} KB`]);
    if (m.readyMs !== undefined) out.push(['map page interactive ≤ 2 s', m.readyMs <= 2000, `${f(m.readyMs)} ms`]);
    out.push(['20-40 topic labels at the overview', m.topics >= 20 && m.topics <= 40, `${m.topics} topics, ${m.subtopics} subtopics`]);
  }
  for (const c of r.classes.filter((x) => x.baselineMs !== undefined && x.n > 0)) {
    out.push([`${c.cls} ≥ 10× faster than raw Parquet`, c.baselineMs! / c.p50 >= 10, `${f(c.baselineMs! / c.p50, 0)}×`]);
  }
  if (r.peer && !('error' in r.peer) && r.peer.answers.length) {
    const slowest = Math.min(...r.peer.answers.map(speedUp));
    out.push(['faster than SQLite FTS5 for every word and phrase', slowest > 1, `at the least ${versus(slowest)}`]);
  }
  return out;
}
