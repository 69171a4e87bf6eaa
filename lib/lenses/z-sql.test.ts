// The distinctive terms' z-score in SQL agrees with logOddsZ, for counts of a dataset the size of
// WildChat-4.8M (a term in 900,000 conversations: PRIOR_WEIGHT times its df is past 32 bits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '@/lib/db/duckdb';
import { logOddsZ } from './log-odds';
import { zSql } from './terms';

let db: Database;
let c: Connection;
beforeAll(async () => {
  db = await Database.open(':memory:', { threads: 1 });
  c = await db.connect();
});
afterAll(() => db.close());

describe('the z-score in SQL', () => {
  it('equals logOddsZ for small and large counts, a df past 429,496 included', async () => {
    const nAll = 3_200_000;
    const rows = [
      { term: 1, ya: 12, na: 400, yb: 3, nb: 9_000, df: 50 },
      { term: 2, ya: 150_000, na: 600_000, yb: 700_000, nb: 2_600_000, df: 900_000 },
      { term: 3, ya: 400_000, na: 420_000, yb: 1_000_000, nb: 2_780_000, df: 1_400_000 },
    ];
    await c.run(`CREATE TABLE s (term UBIGINT, ya UINTEGER, na UINTEGER, yb UINTEGER, nb UINTEGER, df UINTEGER)`);
    await c.run(`INSERT INTO s VALUES ${rows.map((r) => `(${r.term}, ${r.ya}, ${r.na}, ${r.yb}, ${r.nb}, ${r.df})`).join(', ')}`);
    const got = await c.all<{ term: number; z: number }>(`SELECT term::INTEGER AS term, z FROM (${zSql(nAll)}) ORDER BY term`);
    expect(got).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) {
      const want = logOddsZ({ ya: r.ya, na: r.na, yb: r.yb, nb: r.nb, yAll: r.df, nAll });
      expect(got[i]!.z).toBeCloseTo(want, 9);
    }
  });
});
