import 'server-only';
// The server's one DuckDB instance: the index attached read-only to an in-memory database (where
// requests share tables, such as a search's matches), a small pool of connections, a deadline on
// every query, and a swap to a newer index file when an ingest renames one into place. Message
// text is read from the index's text store (text/store.ts), opened with it.
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config, INDEX_FILE, queryTimeoutMs, serverMemory } from '../config';
import { Database, literal, type Connection, type Param, type Row } from '../db/duckdb';
import { readManifest } from '../ingest/manifest';
import { TextStore } from '../text/store';
import { after, now } from './clock';

const POOL = 4;
/**
 * Connections kept for point reads (a conversation or turn by its id), which take milliseconds: in
 * the scans' pool, under load, they would wait behind scans that take far longer.
 */
const POINT_POOL = 2;
const DEADLINE_MS = queryTimeoutMs();

export class DeadlineError extends Error {}
export class NoIndexError extends Error {}

/**
 * One opened index file. Its identity is the scope of anything kept across requests in its
 * in-memory database (`memory.<table>`): a swapped index starts with none of them.
 */
export interface Scope {
  readonly opened: number;
}

interface Lane {
  idle: Connection[];
  waiting: ((c: Connection) => void)[];
}
interface Generation {
  db: Database;
  text: TextStore;
  scans: Lane;
  points: Lane;
  ino: number;
  mtime: number;
  busy: number;
  retired: boolean;
  scope: Scope;
}

let current: Generation | undefined;
let opening: Promise<Generation> | undefined;
let lastStat = 0;

const indexPath = () => join(config().cache, INDEX_FILE);

async function open(): Promise<Generation> {
  const path = indexPath();
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new NoIndexError('no index has been built yet');
  }
  // Spills past the memory limit (large sorts, a phrase's candidate text) go beside the index, or
  // for a read-only index (WILDSCOPE_INDEX) to the system's temporary folder; a folder per process,
  // as server processes sharing one would reuse each other's file names.
  const { cache, readOnly } = config();
  const spills = readOnly ? join(tmpdir(), 'wildscope-server-tmp') : join(cache, 'server-tmp');
  mkdirSync(spills, { recursive: true }); // DuckDB makes the process's folder, not its parents
  const db = await Database.open(':memory:', {
    threads: 2,
    memoryLimit: serverMemory(),
    tempDirectory: join(spills, String(process.pid)),
  });
  const idle: Connection[] = [];
  const scope: Scope = { opened: Date.now() };
  let text: TextStore | undefined;
  try {
    for (let i = 0; i < POOL + POINT_POOL; i++) {
      const c = await db.connect();
      if (i === 0) await c.run(`ATTACH ${literal(path)} AS wildscope_index (READ_ONLY)`);
      await c.run('USE wildscope_index');
      idle.push(c);
    }
    const manifest = await readManifest(idle[0]!);
    if (!manifest.text) throw new NoIndexError('the index was built by another version of Wildscope; rebuild it (npm start does)');
    text = TextStore.open(join(config().cache, manifest.text.file));
    for (const c of idle) opened.set(c, { text, scope });
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    db,
    text,
    scans: { idle: idle.slice(0, POOL), waiting: [] },
    points: { idle: idle.slice(POOL), waiting: [] },
    ino: st.ino,
    mtime: st.mtimeMs,
    busy: 0,
    retired: false,
    scope,
  };
}

/** The opened index each pooled connection reads: its text store and scope. */
const opened = new WeakMap<Connection, { text: TextStore; scope: Scope }>();

function openedBy(c: Connection): { text: TextStore; scope: Scope } {
  const o = opened.get(c);
  if (!o) throw new Error('not a pooled connection of the index');
  return o;
}

/** The text store of the index a pooled connection reads. */
export const textOf = (c: Connection): TextStore => openedBy(c).text;

/** The scope (opened index) a pooled connection reads. */
export const scopeOf = (c: Connection): Scope => openedBy(c).scope;

function close(g: Generation): void {
  g.db.close();
  g.text.close();
}

async function generation(): Promise<Generation> {
  if (current && now() - lastStat > 1000) {
    lastStat = now();
    try {
      const st = statSync(indexPath());
      if (st.ino !== current.ino || st.mtimeMs !== current.mtime) {
        const old = current;
        current = undefined;
        old.retired = true;
        if (old.busy === 0) close(old);
      }
    } catch {
      /* the file is being replaced: keep serving the open one */
    }
  }
  if (current) return current;
  opening ??= open()
    .then((g) => {
      current = g;
      return g;
    })
    .finally(() => {
      opening = undefined;
    });
  return opening;
}

/**
 * Waits in `line` until a holder hands over a value (by calling the first waiter); a request that
 * waits past its deadline leaves the line with `busy` instead of queueing on.
 */
function waitInLine<T>(line: ((v: T) => void)[], deadlineMs: number, busy: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const take = (v: T) => {
      cancel();
      resolve(v);
    };
    const cancel = after(deadlineMs, () => {
      line.splice(line.indexOf(take), 1);
      reject(new DeadlineError(`the server was too busy ${busy} within ${deadlineMs / 1000} s`));
    });
    line.push(take);
  });
}

/**
 * Sessions that may read message text for seconds (phrase searches) run at most this many at once,
 * so they can never hold every pooled connection and stall the quick requests queued behind them.
 */
const HEAVY_AT_ONCE = 2;
let heavyRunning = 0;
const heavyWaiting: ((release: () => void) => void)[] = [];

function heavySlot(deadlineMs: number): Promise<() => void> {
  const release = () => {
    const next = heavyWaiting.shift();
    if (next) next(release);
    else heavyRunning--;
  };
  if (heavyRunning < HEAVY_AT_ONCE) {
    heavyRunning++;
    return Promise.resolve(release);
  }
  return waitInLine(heavyWaiting, deadlineMs, 'with other phrase searches to start this one');
}

/** `heavy`: may read message text for seconds; `point`: reads one conversation or turn by its id (its own connections). */
export interface SessionOptions {
  deadlineMs?: number;
  heavy?: boolean;
  point?: boolean;
}

/** The scope of the index requests are answered from now. */
export const currentScope = async (): Promise<Scope> => (await generation()).scope;

type SessionFn<T> = (c: Connection, scope: Scope) => Promise<T>;

async function withConnection<T>(
  fn: SessionFn<T>,
  { deadlineMs = DEADLINE_MS, heavy = false, point = false }: SessionOptions = {},
): Promise<T> {
  const release = heavy ? await heavySlot(deadlineMs) : undefined;
  try {
    return await pooled(fn, deadlineMs, point);
  } finally {
    release?.();
  }
}

async function pooled<T>(fn: SessionFn<T>, deadlineMs: number, point: boolean): Promise<T> {
  const g = await generation();
  const lane = point ? g.points : g.scans;
  const c = lane.idle.pop() ?? (await waitInLine(lane.waiting, deadlineMs, 'to start the query'));
  g.busy++;
  c.clearInterrupt();
  let timedOut = false;
  const cancel = after(deadlineMs, () => {
    timedOut = true;
    c.interrupt();
  });
  try {
    return await fn(c, g.scope);
  } catch (e) {
    if (timedOut) throw new DeadlineError(`the query ran past its ${deadlineMs / 1000} s deadline and was stopped`);
    throw e;
  } finally {
    cancel();
    g.busy--;
    const next = lane.waiting.shift();
    if (next) next(c);
    else lane.idle.push(c);
    if (g.retired && g.busy === 0) close(g);
  }
}

/** Idle connections of the index in use, and requests waiting for one: what a test checks came back. */
export function poolState(): { scans: number; points: number; waiting: number } | undefined {
  return (
    current && {
      scans: current.scans.idle.length,
      points: current.points.idle.length,
      waiting: current.scans.waiting.length + current.points.waiting.length,
    }
  );
}

export const all = <T = Row>(sql: string, params: Param[] = []) => withConnection((c) => c.all<T>(sql, params));
export const one = async <T = Row>(sql: string, params: Param[] = []) => (await all<T>(sql, params))[0];
export const session = withConnection;
