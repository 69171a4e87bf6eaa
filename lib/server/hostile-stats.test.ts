// Property tests of the chart API, like hostile-api.test.ts: hostile query strings and chart names
// answer a 2xx or a 4xx naming the parameter; random well-formed filters and options answer 200.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, INTERVALS, SPLITS, STACKS, TOPIC_SPLITS, type Stats } from '@/lib/stats/types';
import { WILDCHAT_CACHE } from '@/test/fixtures';
import { call, expectSane, LEAKS, seen, type Handler } from '@/test/hostile/answers';
import { hostileValue, KNOWN_KEYS, rawPairOver, STATS_KEYS, wellFormedFilter, type Pair } from '@/test/hostile/arbitraries';

const RUNS = 300;
// Each answer aggregates every chart; fewer runs keep the file near a minute on two shared cores.
const WELL_FORMED_RUNS = 150;
const SEED = 20261126;
let stats: Handler;
let chart: Handler;
let facetValues: Record<string, string[]>;

afterAll(() => console.log(`hostile stats API: ${seen.requests} requests, statuses ${JSON.stringify(Object.fromEntries(seen.byStatus))}`));

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  stats = (await import('@/app/api/stats/route')).GET as unknown as Handler;
  chart = (await import('@/app/api/stats/[chart]/route')).GET as unknown as Handler;
  const facets = (await import('@/app/api/facets/route')).GET as unknown as Handler;
  const f = JSON.parse((await call(facets, '/api/facets')).text) as Record<string, { value: string | null }[]>;
  facetValues = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.map((x) => x.value).filter((x): x is string => x !== null)]));
});

const queryOf = (pairs: Pair[]) => pairs.map(([k, v]) => `${k}=${v}`).join('&');
const hostileQuery = fc.array(rawPairOver([...KNOWN_KEYS, ...STATS_KEYS]), { minLength: 1, maxLength: 6 });

/** Well-formed filters without the listing's parameters (charts refuse them), with chart options. */
const wellFormedStats = () =>
  fc
    .tuple(
      wellFormedFilter(facetValues),
      fc.option(fc.constantFrom(...INTERVALS)),
      fc.option(fc.constantFrom(...STACKS)),
      fc.option(fc.constantFrom(...SPLITS)),
      fc.option(fc.constantFrom(...TOPIC_SPLITS)),
    )
    .map(([f, interval, stack, split, topicSplit]) => {
      const sp = new URLSearchParams(f.query);
      for (const k of ['sort', 'limit', 'offset']) sp.delete(k);
      if (interval) sp.set('interval', interval);
      if (stack) sp.set('stack', stack);
      if (split) sp.set('split', split);
      if (topicSplit) sp.set('topic_split', topicSplit);
      return sp.toString();
    });

describe('hostile requests on the chart API', () => {
  it(`/api/stats: ${RUNS} random requests, each a 2xx or a 4xx naming the parameter`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, async (pairs) => {
        const q = queryOf(pairs);
        expectSane(await call(stats, `/api/stats?${q}`), q);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`/api/stats/<chart>: ${RUNS} random charts and requests, unknown charts 404`, async () => {
    const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CHARTS) }, { weight: 1, arbitrary: hostileValue });
    await fc.assert(
      fc.asyncProperty(name, hostileQuery, async (c, pairs) => {
        const q = queryOf(pairs);
        const a = await call(chart, `/api/stats/x?${q}`, { chart: c });
        if ((CHARTS as readonly string[]).includes(c)) expectSane(a, q);
        else {
          expect(a.status).toBe(404);
          for (const leak of LEAKS) expect(a.text).not.toMatch(leak);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`/api/stats: ${WELL_FORMED_RUNS} well-formed filters and options answer 200, counting like the listing`, async () => {
    const list = (await import('@/app/api/conversations/route')).GET as unknown as Handler;
    await fc.assert(
      fc.asyncProperty(wellFormedStats(), async (q) => {
        const a = await call(stats, `/api/stats?${q}`);
        expect(a.status, a.text.slice(0, 300)).toBe(200);
        const s = JSON.parse(a.text) as Stats;
        const sp = new URLSearchParams(q);
        for (const k of STATS_KEYS) sp.delete(k);
        const listed = (JSON.parse((await call(list, `/api/conversations?${sp}&limit=1`)).text) as { total: number }).total;
        expect(s.total).toBe(listed);
        // The map, the models and the topics charts count everything, without their own filter when it is set.
        for (const [chart, field] of [
          ['countries', 'country'],
          ['models', 'model'],
          ['topics', 'topic'],
        ] as const) {
          const own = sp.has(field) || sp.has(`not_${field}`);
          expect(s.omitted[chart], chart).toBe(own ? field : undefined);
          const counted = own ? (s.omitted_totals[chart] ?? -1) : s.total;
          if (own) {
            const rest = new URLSearchParams([...sp].filter(([k]) => k !== field && k !== `not_${field}`));
            expect(counted).toBe((JSON.parse((await call(list, `/api/conversations?${rest}&limit=1`)).text) as { total: number }).total);
          }
          expect(
            (chart === 'topics' ? s.topics.topics : s[chart]).reduce((n: number, c: { count: number }) => n + c.count, 0),
            chart,
          ).toBe(counted);
        }
        expect(s.shape.turns.reduce((n, b) => n + b.count, 0)).toBe(s.total);
        expect(s.messages).toBeGreaterThanOrEqual(s.total);
      }),
      { numRuns: WELL_FORMED_RUNS, seed: SEED },
    );
  });
});
