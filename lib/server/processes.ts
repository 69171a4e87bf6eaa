// The production server as N Next.js processes (next-process.mjs) on one port (WILDSCOPE_PROCESSES): Node's
// cluster module forks them from scripts/start.ts, which listens on the port once the first one
// asks and hands each new connection to the next process in turn. Each process opens the index
// read-only itself (index-db.ts) and moves to a new one after a re-ingest on its own.
//
// A process that exits after it served is replaced (at most 5 times a minute, then everything stops
// with code 1); one that exits before it listened stops everything with code 1, as a restart would
// fail again. SIGINT or SIGTERM stops every process, each finishing its requests as `next start` does.
import cluster, { type Worker } from 'node:cluster';
import { constants } from 'node:os';

export interface ProcessesOptions {
  /** lib/server/next-process.mjs */
  server: string;
  port: number;
  host: string;
  processes: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

const RESTARTS_PER_MINUTE = 5;
/** How long a process may take to finish its requests once told to stop, before it is killed. */
const STOP_GRACE_MS = 15_000;

export function serveProcesses(o: ProcessesOptions): void {
  // No tsx loader in the servers: they run Next's compiled code.
  cluster.setupPrimary({ exec: o.server, args: [String(o.port), o.host], execArgv: [] });
  const listened = new Set<Worker>();
  const restarts: number[] = [];
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const stop = (signal: NodeJS.Signals, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const w of workers()) w.process.kill(signal);
    setTimeout(() => {
      for (const w of workers()) w.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
    if (workers().length === 0) process.exit(exitCode);
  };

  cluster.on('listening', (w) => {
    listened.add(w);
    if (!announced && listened.size === o.processes) {
      announced = true;
      const pids = workers().map((x) => x.process.pid);
      o.log(`serving on http://${o.host}:${o.port} with ${o.processes} process${o.processes > 1 ? 'es' : ''} (pids ${pids.join(', ')})`);
    }
  });
  cluster.on('exit', (w, code, signal) => {
    const served = listened.delete(w);
    if (stopping) {
      if (workers().length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    // Told to stop by a signal (the terminal's Ctrl+C reaches every process; `next start` exits
    // with 128 + its number): stop them all.
    const told = signal === 'SIGINT' || code === 130 ? 'SIGINT' : signal === 'SIGTERM' || code === 143 ? 'SIGTERM' : undefined;
    if (told) {
      stop(told, 128 + constants.signals[told]);
      return;
    }
    if (!served) {
      o.log(`server process ${w.process.pid} exited (${how}) before it listened: stopping`);
      stop('SIGTERM', 1);
      return;
    }
    const now = Date.now();
    while (restarts.length && now - restarts[0]! > 60_000) restarts.shift();
    if (restarts.length >= RESTARTS_PER_MINUTE) {
      o.log(`server process ${w.process.pid} exited (${how}), the ${RESTARTS_PER_MINUTE + 1}th in a minute: stopping`);
      stop('SIGTERM', 1);
      return;
    }
    restarts.push(now);
    const next = cluster.fork(o.env);
    o.log(`server process ${w.process.pid} exited (${how}): started ${next.process.pid} in its place`);
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => stop(sig, 128 + constants.signals[sig]));

  for (let i = 0; i < o.processes; i++) cluster.fork(o.env);
}
