// Requests that arrive while an ingest rebuilds the index are answered from the previous index,
// none fails, and once the new index is renamed into place the server moves to it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { resolve } from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyIndex, LMSYS, WILDCHAT, WILDCHAT_CACHE } from '../../test/fixtures';

type Handler = (req: NextRequest) => Promise<Response>;
let list: Handler;
let facets: Handler;
const cache = (() => { mkdirSync(resolve('.cache/test-broken'), { recursive: true }); return mkdtempSync(resolve('.cache/test-broken/serving-')); })();

beforeAll(async () => {
  copyIndex(WILDCHAT_CACHE, cache);
  process.env.WILDSCOPE_CACHE = cache;
  list = (await import('@/app/api/conversations/route')).GET as Handler;
  facets = (await import('@/app/api/facets/route')).GET as Handler;
});

async function total(): Promise<{ status: number; total: number }> {
  const r = await list(new NextRequest('http://127.0.0.1/api/conversations?limit=5'));
  return { status: r.status, total: r.status === 200 ? ((await r.json()) as { total: number }).total : -1 };
}

describe('serving during an ingest', () => {
  it('answers from the previous index until the new one is in place, without a failed request', async () => {
    expect(await total()).toEqual({ status: 200, total: WILDCHAT.conversations });
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], {
      env: { ...process.env, WILDSCOPE_DATA: LMSYS.dir, WILDSCOPE_CACHE: cache }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    child.stderr.on('data', (d: Buffer) => { out += d; });
    const building = new Promise<void>((r) => child.stdout.on('data', (d: Buffer) => { out += d; if (/\[tables\]/.test(out)) r(); }));
    await building;
    const during = await Promise.all(Array.from({ length: 10 }, () => total()));
    expect(during).toEqual(Array.from({ length: 10 }, () => ({ status: 200, total: WILDCHAT.conversations })));
    const f = await facets(new NextRequest('http://127.0.0.1/api/facets'));
    expect(f.status).toBe(200);

    // Keep asking through the rename and the swap: every answer is whole, from one index or the other.
    const seen: { status: number; total: number }[] = [];
    let done = false;
    const asking = (async () => { while (!done) seen.push(await total()); })();
    expect(await exited, out).toBe(0);
    for (let i = 0; i < 300 && (seen.length === 0 || seen.at(-1)!.total !== LMSYS.conversations); i++) await new Promise((r) => setTimeout(r, 100));
    done = true;
    await asking;
    expect(seen.every((s) => s.status === 200)).toBe(true);
    for (const s of seen) expect([WILDCHAT.conversations, LMSYS.conversations]).toContain(s.total);
    expect(seen.at(-1)!.total).toBe(LMSYS.conversations);
  });
});
