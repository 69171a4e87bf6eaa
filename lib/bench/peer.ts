// The benchmark's peer: the same Parquet in SQLite FTS5 (Datasette's layout, default unicode61
// tokenizer, SQLite as Debian ships it through Python's sqlite3 module, lib/bench/sqlite_peer.py),
// asked a researcher's questions for words of several frequencies and for phrases.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database, literal } from '../db/duckdb';
import { tokens } from '../search/tokenize';
import type { PeerBuild, PeerQuestion } from './report';

const SCRIPT = fileURLToPath(new URL('./sqlite_peer.py', import.meta.url));
/** Debian's python3 (its sqlite3 module uses Debian's libsqlite3), else whatever python3 is first on the PATH. */
export const PYTHON = process.env.WILDSCOPE_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Word frequency classes, in conversations out of WildChat-1M's 838k (scaled to the run's size). */
export const CLASSES = [
  { cls: 'a few hundred', at838k: 300 },
  { cls: 'a few thousand', at838k: 3_000 },
  { cls: 'tens of thousands', at838k: 40_000 },
  { cls: 'hundreds of thousands', at838k: 300_000 },
] as const;

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/**
 * The peer's file for the dataset `glob`, built in `dir` unless a build there is newer than every
 * Parquet file: DuckDB writes conversations and messages as CSV, which the script loads.
 */
export async function buildPeer(glob: string, dataDir: string, dir: string): Promise<{ db: string; build: PeerBuild; engine: string }> {
  const db = join(dir, 'peer.sqlite');
  const record = join(dir, 'build.json');
  const newest = Math.max(
    ...readdirSync(dataDir)
      .filter((f) => f.endsWith('.parquet'))
      .map((f) => statSync(join(dataDir, f)).mtimeMs),
  );
  if (existsSync(record) && existsSync(db) && statSync(db).mtimeMs > newest) {
    const saved = JSON.parse(readFileSync(record, 'utf8'));
    return { db, build: { ...saved.build, reused: true }, engine: saved.engine };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const conv = join(dir, 'conversations.csv');
  const msgs = join(dir, 'messages.csv');
  const duck = await Database.open(':memory:', { threads: 2, memoryLimit: '4GB' });
  const c = await duck.connect();
  try {
    // Conversations numbered in file order without a sort: each file's first number, then its rows.
    await c.run(`CREATE TEMP TABLE files AS SELECT file_name, (sum(num_rows) OVER (ORDER BY file_name) - num_rows)::BIGINT AS first
      FROM parquet_file_metadata(${literal(glob)})`);
    const T = `read_parquet(${literal(glob)}, filename = true, file_row_number = true) p JOIN files f ON f.file_name = p.filename`;
    await c.run(`COPY (SELECT f.first + p.file_row_number + 1, p.conversation[1].turn_identifier::VARCHAR, epoch_us(p."timestamp"),
      p.language, p.country, p.model FROM ${T}) TO ${literal(conv)} (HEADER false)`);
    await c.run(`COPY (SELECT f.first + p.file_row_number + 1, p.m.role, p.m.content
      FROM (SELECT filename, file_row_number, unnest(conversation) AS m FROM read_parquet(${literal(glob)}, filename = true, file_row_number = true)) p
      JOIN files f ON f.file_name = p.filename) TO ${literal(msgs)} (HEADER false)`);
  } finally {
    c.close();
    duck.close();
  }
  const exportSeconds = (performance.now() - started) / 1000;
  const out = JSON.parse(await run(PYTHON, [SCRIPT, 'build', db, conv, msgs]));
  rmSync(conv);
  rmSync(msgs);
  const build: PeerBuild = {
    seconds: (performance.now() - started) / 1000,
    exportSeconds,
    loadSeconds: out.loadSeconds,
    indexSeconds: out.indexSeconds,
    bytes: out.bytes,
    reused: false,
  };
  const engine = `SQLite ${out.sqlite} FTS5 (unicode61) through Python ${out.python}'s sqlite3`;
  writeFileSync(record, JSON.stringify({ build, engine }));
  return { db, build, engine };
}

/** The peer's total and median time (ms, warm) for each question. */
export async function askPeer(db: string, repeat: number, questions: PeerQuestion[]): Promise<{ total: number; ms: number }[]> {
  const out = JSON.parse(await run(PYTHON, [SCRIPT, 'ask', db, String(repeat)], JSON.stringify(questions)));
  return out.answers.map((a: { total: number; ms: number }) => ({ total: a.total, ms: a.ms }));
}

// unicode61 as configured by default: runs of letters and digits (underscore separates), lower-cased, diacritics removed.
const unicode61 = (text: string): string[] =>
  (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const PLAIN = /^[a-z]{3,}$/;
/** Runs of two and three adjacent plain words, space-separated. */
function plainRuns(ts: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < ts.length; i++) {
    const [a, b, c] = [ts[i]!, ts[i + 1]!, ts[i + 2]];
    if (!PLAIN.test(a) || !PLAIN.test(b)) continue;
    out.add(`${a} ${b}`);
    if (c !== undefined && PLAIN.test(c)) out.add(`${a} ${b} ${c}`);
  }
  return out;
}

export interface Vocabulary {
  sampled: number; // conversations in the sample
  /** Conversations of the sample holding each plain word, and each run of two or three plain words. */
  words: Map<string, number>;
  runs: Map<string, number>;
  /** Words and runs that some sampled message holds under one tokenizer and not the other. */
  differ: Set<string>;
}

/**
 * Plain lowercase ASCII words (and runs of them) in a seeded sample of conversations, by how many
 * conversations hold them. Only such words are asked: for them Wildscope's tokenizer and unicode61
 * agree, unless the text writes them with diacritics, joined by underscores or run into a script
 * without spaces; words the sample shows doing so are marked. Runs are taken from the first
 * `runsFrom` conversations.
 */
export function vocabulary(conversations: string[][], runsFrom = 300): Vocabulary {
  const words = new Map<string, number>();
  const runs = new Map<string, number>();
  const differ = new Set<string>();
  for (const [i, messages] of conversations.entries()) {
    const seen = new Set<string>();
    for (const m of messages) {
      const ws = tokens(m).map((t) => t.text);
      const u = unicode61(m);
      const wset = new Set(ws);
      const uset = new Set(u);
      for (const w of wset) {
        if (!PLAIN.test(w)) continue;
        if (!uset.has(w)) differ.add(w);
        if (!seen.has(w)) {
          seen.add(w);
          words.set(w, (words.get(w) ?? 0) + 1);
        }
      }
      for (const w of uset) if (!wset.has(w) && PLAIN.test(w)) differ.add(w);
      // Runs only serve to pick three phrases: the first conversations of the sample are enough.
      if (i >= runsFrom) continue;
      const wruns = plainRuns(ws);
      const uruns = plainRuns(u);
      for (const key of wruns) {
        if (!uruns.has(key)) differ.add(key);
        if (!seen.has(key)) {
          seen.add(key);
          runs.set(key, (runs.get(key) ?? 0) + 1);
        }
      }
      for (const key of uruns) if (!wruns.has(key)) differ.add(key);
    }
  }
  return { sampled: conversations.length, words, runs, differ };
}

/** The messages of a seeded sample of conversations of the Parquet files `glob`. */
export async function sampleConversations(glob: string, seed: number, n = 3000): Promise<string[][]> {
  const db = await Database.open(':memory:', { threads: 2 });
  const c = await db.connect();
  try {
    const rows = await c.all<{ texts: string[] }>(`SELECT [coalesce(m.content, '') FOR m IN conversation] AS texts
      FROM read_parquet(${literal(glob)}) USING SAMPLE ${n} ROWS (reservoir, ${seed})`);
    return rows.map((r) => r.texts);
  } finally {
    c.close();
    db.close();
  }
}

/**
 * `perClass` words for each frequency class: the sample's candidates nearest the class's target
 * (scaled to `total` conversations), of which `count` (Wildscope's total) keeps the nearest.
 */
export async function pickWords(
  v: Vocabulary,
  total: number,
  count: (q: string) => Promise<number>,
  perClass = 2,
  tries = 8,
): Promise<PeerQuestion[]> {
  const out: PeerQuestion[] = [];
  const used = new Set<string>();
  const dist = (x: number, target: number) => Math.abs(Math.log(Math.max(x, 0.5) / target));
  for (const { cls, at838k } of CLASSES) {
    const target = Math.max(1, (at838k * total) / 838_000);
    const candidates = [...v.words]
      .filter(([w]) => !v.differ.has(w) && !used.has(w))
      .map(([w, n]) => ({ w, est: (n * total) / v.sampled }))
      .sort((a, b) => dist(a.est, target) - dist(b.est, target) || (a.w < b.w ? -1 : 1))
      .slice(0, tries);
    const counted = [];
    for (const c of candidates) counted.push({ w: c.w, n: await count(c.w) });
    counted.sort((a, b) => dist(a.n, target) - dist(b.n, target) || (a.w < b.w ? -1 : 1));
    for (const c of counted.slice(0, perClass)) {
      used.add(c.w);
      out.push({ cls, query: c.w, phrase: false });
    }
  }
  return out;
}

/** Phrases: the sample's most common run of two words, one seen in a few conversations, and one of three words. */
export function pickPhrases(v: Vocabulary): PeerQuestion[] {
  const ok = [...v.runs].filter(([k]) => !v.differ.has(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const two = ok.filter(([k]) => k.split(' ').length === 2);
  const three = ok.filter(([k]) => k.split(' ').length === 3);
  const picks = [two[0], two.find(([, n]) => n <= Math.max(2, (two[0]?.[1] ?? 0) / 20)), three[0]].filter(Boolean) as [string, number][];
  return [...new Set(picks.map(([k]) => k))].map((query) => ({ cls: 'phrase', query, phrase: true }));
}
