// Servers an end-to-end test starts itself, on ports of its own beside the suite's server: for
// configurations the suite's server does not have (replicas, several datasets holding one id).
import { expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';

const tsx = ['--import', 'tsx'];

export interface Server {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

export function run(script: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, [...tsx, script, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}\n${r.stderr}`);
}

export function start(port: number, env: Record<string, string>): Server {
  const child = spawn(process.execPath, [...tsx, 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

/** A GET on a connection of its own, so that successive ones are handed to the processes in turn. */
export function fresh(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });
}

export async function ready(port: number, s: Server): Promise<void> {
  await expect
    .poll(
      async () => {
        if (s.child.exitCode !== null) throw new Error(`the server exited:\n${s.out()}`);
        return (await fresh(port, '/api/health').catch(() => ({ status: 0 }))).status;
      },
      { timeout: 60_000 },
    )
    .toBe(200);
}
