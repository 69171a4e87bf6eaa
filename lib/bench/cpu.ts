// CPU time of a process tree from /proc (Linux): in total, and on each process's main thread, the
// one that runs JavaScript (DuckDB's threads and libuv's pool are the others).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

/** utime + stime of a /proc stat file, in seconds. */
function statSeconds(path: string): number {
  const s = readFileSync(path, 'utf8');
  // The command name, in parentheses, may hold spaces: fields are counted after it.
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND;
}

function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      kids = kids.concat(readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    }
  } catch {
    return [];
  }
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

export interface TreeCpu {
  /** Every thread of every process in the tree, seconds. */
  total: number;
  /** The main (JavaScript) threads of the processes, seconds. */
  main: number;
  /** pid -> its total, seconds. */
  byPid: Map<number, number>;
}

/** CPU seconds used so far by `pid` and its descendants (threads of exited processes are not counted). */
export function treeCpu(pid: number): TreeCpu {
  const out: TreeCpu = { total: 0, main: 0, byPid: new Map() };
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const all = statSeconds(`/proc/${p}/stat`);
      out.total += all;
      out.main += statSeconds(`/proc/${p}/task/${p}/stat`);
      out.byPid.set(p, all);
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}
