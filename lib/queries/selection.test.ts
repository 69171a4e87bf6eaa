// A search's matches live in the server's in-memory database, once per query and scope, whatever
// the number of requests that read them.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '@/lib/filters/schema';
import { WILDCHAT_CACHE } from '@/test/fixtures';

let exploreView: typeof import('./explore').exploreView;
let countFacets: typeof import('./facets').countFacets;
let session: typeof import('../server/index-db').session;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ exploreView } = await import('./explore'));
  ({ countFacets } = await import('./facets'));
  ({ session } = await import('../server/index-db'));
});

const shared = () => session(async (c) => (await c.all<{ name: string }>(
  "SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'memory' ORDER BY name")).map((t) => t.name));
const view = (qs: string) => {
  const { filter, listing } = parseParams(new URLSearchParams(qs));
  return exploreView(filter, listing);
};

describe('shared matches', () => {
  it('computes a query once for a view, its facets and its next pages, and each scope of it apart', async () => {
    const before = await shared();
    const [first, facets] = await Promise.all([view('q=the&limit=25'), countFacets(parseParams(new URLSearchParams('q=the')).filter)]);
    const added = (await shared()).filter((t) => !before.includes(t));
    expect(added).toHaveLength(2); // the matches and their bits
    expect(facets.language).toEqual(first.facets.language);
    const next = await view('q=the&limit=25&offset=25&sort=oldest');
    expect(next.list.total).toBe(first.list.total);
    expect((await shared()).length).toBe(before.length + 2);
    const user = await view('q=the&role=user');
    expect(user.list.total).toBeLessThan(first.list.total);
    expect((await shared()).length).toBe(before.length + 4);
  });
});

describe('slices of a confirming scan', () => {
  it('cover every row number from the first candidate to the last once, in as many slices as asked', async () => {
    const { slices } = await import('./selection');
    for (const [lo, hi, n, per] of [[0, 837_999, 390_182, 50_000], [5, 5, 1, 50_000], [10, 99, 90, 7], [3, 1_000, 201, 50_000], [0, 9, 10, 2]]) {
      const s = slices(lo, hi, n, per);
      expect(s.length).toBeLessThanOrEqual(Math.ceil(n / per));
      expect(s.length).toBeGreaterThanOrEqual(Math.min(Math.ceil(n / per), 2));
      expect(s[0][0]).toBe(lo);
      expect(s.at(-1)![1]).toBe(hi + 1);
      for (let i = 1; i < s.length; i++) expect(s[i][0]).toBe(s[i - 1][1]);
      for (const [from, to] of s) expect(to).toBeGreaterThan(from);
    }
  });
});
