// Child processes for the benchmark: wall time and peak RSS (polled from /proc, process tree).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    let kb = m ? Number(m[1]) : 0;
    for (const child of children(pid)) kb += rssKb(child);
    return kb;
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => {
      try {
        return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

export interface Watched {
  seconds: number;
  peakRssMb: number;
  output: string;
}

/** Runs a command to completion, echoing its output, and measures it. */
export function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Watched> {
  const started = Date.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  let output = '';
  const timer = setInterval(() => {
    peak = Math.max(peak, rssKb(child.pid!));
  }, 250);
  const take = (d: Buffer) => {
    output += d;
    process.stdout.write(d);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
      else resolve({ seconds: (Date.now() - started) / 1000, peakRssMb: peak / 1024, output });
    }),
  );
}

export { rssKb };
