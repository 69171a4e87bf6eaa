// Property tests: every API route handler, called directly on the fixture index, answers random and
// adversarial requests with a 2xx or a 4xx that names the parameter, never a 5xx, and never lets a
// stack trace or a local path out. Seeded, so a failure replays; fast-check prints seed and path.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { call, expectSane, LEAKS, seen, type Handler } from '@/test/hostile/answers';
import { hostileValue, rawPair, wellFormedFilter, type Pair } from '@/test/hostile/arbitraries';

const RUNS = 300;
const SEED = 20261126;
let routes: Record<'list' | 'one' | 'turn' | 'facets' | 'health' | 'csv' | 'jsonl', Handler>;
let facetValues: Record<string, string[]>;
let realIds: { id: string }[];

// The figures for the Hardening section of docs/PERFORMANCE.md.
afterAll(() => console.log(`hostile API: ${seen.requests} requests, statuses ${JSON.stringify(Object.fromEntries(seen.byStatus))}`));

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  const h = async (p: Promise<{ GET: unknown }>) => (await p).GET as Handler;
  routes = {
    list: await h(import('@/app/api/conversations/route')),
    one: await h(import('@/app/api/conversations/[id]/route')),
    turn: await h(import('@/app/api/turns/[tid]/route')),
    facets: await h(import('@/app/api/facets/route')),
    health: await h(import('@/app/api/health/route')),
    csv: await h(import('@/app/api/conversations.csv/route')),
    jsonl: await h(import('@/app/api/conversations.jsonl/route')),
  };
  const f = JSON.parse((await call(routes.facets, '/api/facets')).text) as Record<string, { value: string | null }[]>;
  const page = JSON.parse((await call(routes.list, '/api/conversations?limit=20')).text) as { rows: { id: string }[] };
  realIds = page.rows.map((r) => ({ id: r.id }));
  facetValues = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.map((x) => x.value).filter((x): x is string => x !== null)]));
});

const queryOf = (pairs: Pair[]) => pairs.map(([k, v]) => `${k}=${v}`).join('&');

const hostileQuery = fc.array(rawPair, { minLength: 1, maxLength: 6 });

describe('hostile query strings on every API route', () => {
  const listing = [
    ['list', '/api/conversations'],
    ['facets', '/api/facets'],
    ['csv', '/api/conversations.csv'],
    ['jsonl', '/api/conversations.jsonl'],
    ['health', '/api/health'],
  ] as const;
  for (const [name, path] of listing) {
    it(`${path}: ${RUNS} random requests, each a 2xx or a 4xx naming the parameter`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileQuery, async (pairs) => {
          const q = queryOf(pairs);
          const a = await call(routes[name], `${path}?${q}`);
          expectSane(a, q);
          if (name === 'health') expect(a.status).toBe(200);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }

  for (const [name, key, path] of [
    ['one', 'id', '/api/conversations/'],
    ['turn', 'tid', '/api/turns/'],
  ] as const) {
    it(`${path}<id>: ${RUNS} hostile ids answer 200, 400 or 404`, async () => {
      const ids = fc.oneof(hostileValue, fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String), fc.constantFrom(...realIds.map((r) => r.id)));
      await fc.assert(
        fc.asyncProperty(ids, async (id) => {
          const a = await call(routes[name], `${path}x`, { [key]: id });
          expect([200, 400, 404], a.text.slice(0, 300)).toContain(a.status);
          if (realIds.some((r) => r.id === id)) expect(a.status).toBe(200);
          if (a.status !== 200) for (const leak of LEAKS) expect(a.text).not.toMatch(leak);
          expect(JSON.parse(a.text)).toBeTypeOf('object');
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});

describe('well-formed random filters', () => {
  it(`/api/conversations: ${RUNS} combinations answer 200 with a consistent page`, async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedFilter(facetValues), async ({ query, limit, offset }) => {
        const a = await call(routes.list, `/api/conversations?${query}`);
        expect(a.status, a.text.slice(0, 300)).toBe(200);
        const body = JSON.parse(a.text) as { total: number; rows: { id: string }[] };
        expect(Number.isInteger(body.total)).toBe(true);
        expect(body.total).toBeGreaterThanOrEqual(0);
        expect(body.total).toBeLessThanOrEqual(WILDCHAT.conversations);
        expect(body.rows.length).toBe(Math.max(0, Math.min(limit, body.total - offset)));
        expect(new Set(body.rows.map((r) => r.id)).size).toBe(body.rows.length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`/api/facets: ${RUNS} combinations count like the listing`, async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedFilter(facetValues), async ({ query }) => {
        const sp = new URLSearchParams(query);
        sp.delete('language');
        sp.delete('not_language');
        for (const k of ['sort', 'limit', 'offset']) sp.delete(k);
        const [f, l] = await Promise.all([call(routes.facets, `/api/facets?${sp}`), call(routes.list, `/api/conversations?${sp}&limit=1`)]);
        expect(f.status, f.text.slice(0, 300)).toBe(200);
        const facets = JSON.parse(f.text) as Record<string, { value: string | null; count: number }[]>;
        for (const list of Object.values(facets)) {
          for (const x of list) expect(x.count).toBeGreaterThan(0);
          expect(list.map((x) => x.count)).toEqual([...list.map((x) => x.count)].sort((a, b) => b - a));
        }
        // Language has fewer than 50 values in the fixture, so its counts (nulls included) cover the selection.
        const sum = facets.language!.reduce((s, x) => s + x.count, 0);
        expect(sum).toBe((JSON.parse(l.text) as { total: number }).total);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('SQL fragments are values, not SQL', () => {
  const all = async () => (JSON.parse((await call(routes.list, '/api/conversations')).text) as { total: number }).total;
  for (const field of ['language', 'country', 'hashed_ip', 'q']) {
    // Numbers the generated text never holds: `1:1` is a common Midjourney flag in image prompts.
    for (const v of ["' OR 7777=7777 --", "English' OR '7777'='7777"]) {
      it(`${field}=${v} matches nothing`, async () => {
        expect(await all()).toBe(WILDCHAT.conversations);
        const a = await call(routes.list, `/api/conversations?${field}=${encodeURIComponent(v)}`);
        expect(a.status).toBe(200);
        expect((JSON.parse(a.text) as { total: number }).total).toBe(0);
      });
    }
  }
});
