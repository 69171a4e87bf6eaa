// Requests that arrive while an ingest rebuilds the index are answered from the previous index,
// none fails, and once the new index is renamed into place the server moves to it. The ingest runs
// in this process and is held just before its rename (BuildOptions.beforeInstall); the server's
// clock is the test's, so it looks at the index file again only when the test moves time on.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barrier, manualClock, type ManualClock } from '../../test/clock';
import { copyIndex, LMSYS, WILDCHAT, WILDCHAT_CACHE } from '../../test/fixtures';
import { call, type Handler } from '../../test/requests';
import { buildIndex } from './build';

let list: Handler;
let facets: Handler;
let clock: ManualClock;
let restore: () => void;
const cache = (() => {
  mkdirSync(resolve('.cache/test-broken'), { recursive: true });
  return mkdtempSync(resolve('.cache/test-broken/serving-'));
})();

beforeAll(async () => {
  copyIndex(WILDCHAT_CACHE, cache);
  process.env.WILDSCOPE_CACHE = cache;
  ({ clock, restore } = manualClock());
  list = (await import('@/app/api/conversations/route')).GET as unknown as Handler;
  facets = (await import('@/app/api/facets/route')).GET as unknown as Handler;
});
afterAll(() => restore());

async function total(): Promise<{ status: number; total: number }> {
  const r = await call(list, '/api/conversations?limit=5');
  return { status: r.status, total: r.status === 200 ? (r.body as { total: number }).total : -1 };
}

/** The server checks the index file at most once a second: this second has passed. */
const nextCheck = () => clock.advance(1001);

describe('serving during an ingest', () => {
  it('answers from the previous index until the new one is in place, without a failed request', async () => {
    expect(await total()).toEqual({ status: 200, total: WILDCHAT.conversations });
    const built = barrier();
    const install = barrier();
    const lines: string[] = [];
    const ingest = buildIndex({
      data: LMSYS.dir,
      cache,
      log: (l) => lines.push(l),
      beforeInstall: () => {
        built.open();
        return install.reached;
      },
    });
    // A failed ingest fails the test here instead of leaving it waiting.
    await Promise.race([
      built.reached,
      ingest.then(() => {
        throw new Error('the ingest installed its index without being held');
      }),
    ]);
    // The new index is complete beside the old one; a check of the file now finds the old one still in place.
    nextCheck();
    const during = await Promise.all(Array.from({ length: 10 }, () => total()));
    expect(during).toEqual(Array.from({ length: 10 }, () => ({ status: 200, total: WILDCHAT.conversations })));
    const f = await call(facets, '/api/facets');
    expect(f.status).toBe(200);

    // Keep asking through the rename and the swap: every answer is whole, from one index or the other.
    const seen: { status: number; total: number }[] = [];
    const swapped = barrier();
    let done = false;
    const asking = (async () => {
      while (!done) {
        const s = await total();
        seen.push(s);
        if (s.total === LMSYS.conversations) swapped.open();
      }
    })();
    install.open();
    const manifest = await ingest;
    expect(manifest.conversations, lines.join('\n')).toBe(LMSYS.conversations);
    nextCheck();
    await swapped.reached;
    done = true;
    await asking;
    expect(seen.every((s) => s.status === 200)).toBe(true);
    for (const s of seen) expect([WILDCHAT.conversations, LMSYS.conversations]).toContain(s.total);
    expect(seen.at(-1)!.total).toBe(LMSYS.conversations);
  });
});
