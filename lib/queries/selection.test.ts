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

// The searches' match tables (more matches than a few also have a table of their bits beside).
const shared = () =>
  session(async (c) =>
    (
      await c.all<{ name: string }>(
        "SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'memory' AND NOT ends_with(table_name, '_bits') ORDER BY name",
      )
    ).map((t) => t.name),
  );
const view = (qs: string) => {
  const { filter, listing } = parseParams(new URLSearchParams(qs));
  return exploreView(filter, listing);
};

describe('shared matches', () => {
  it('computes a query once for a view, its facets and its next pages, and each scope of it apart', async () => {
    const before = await shared();
    const [first, facets] = await Promise.all([view('q=the&limit=25'), countFacets(parseParams(new URLSearchParams('q=the')).filter)]);
    const added = (await shared()).filter((t) => !before.includes(t));
    expect(added).toHaveLength(1);
    expect(facets.language).toEqual(first.facets.language);
    const next = await view('q=the&limit=25&offset=25&sort=oldest');
    expect(next.list.total).toBe(first.list.total);
    expect((await shared()).length).toBe(before.length + 1);
    const user = await view('q=the&role=user');
    expect(user.list.total).toBeLessThan(first.list.total);
    expect((await shared()).length).toBe(before.length + 2);
  });
});
