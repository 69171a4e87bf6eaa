// `min_<category>` and `flagged=<category>` through the listing API, each total compared with
// DuckDB's own count from the fixture Parquet (both spellings of a category folded, docs/API.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, underscored } from '@/lib/dataset/moderation';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { flaggedIn, maxScore } from '@/test/oracle';
import { call, type Handler } from '@/test/requests';

let list: Handler;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  list = (await import('@/app/api/conversations/route')).GET as unknown as Handler;
  await (
    await duck()
  ).run(`CREATE OR REPLACE TABLE mconv AS SELECT language,
      ${CATEGORIES.map((c) => `${maxScore(c)} AS "m_${underscored(c)}", ${flaggedIn(c)} AS "f_${underscored(c)}"`).join(', ')}
    FROM ${parquet(WILDCHAT.dir)}`);
});

const count = async (where: string) =>
  Number((await (await duck()).one<{ n: bigint }>(`SELECT count(*) AS n FROM mconv WHERE ${where}`))!.n);
const total = async (qs: string) => {
  const r = await call(list, `/api/conversations?${qs}&limit=1`);
  expect(r.status, qs).toBe(200);
  return r.body.total as number;
};

/** Three significant digits written out in full: the parameter's grammar has no exponent (1e-7). */
const decimal = (x: number) => x.toFixed(Math.min(20, Math.max(0, 2 - Math.floor(Math.log10(x)))));

describe('moderation filters against DuckDB', () => {
  it('counts min_<category> for every category, at a threshold that splits the fixture', async () => {
    let split = 0;
    for (const c of CATEGORIES) {
      const m = `"m_${underscored(c)}"`;
      // The median of the conversations' highest scores: some pass, some do not.
      const median = (await (await duck()).one<{ v: number | null }>(`SELECT quantile_disc(${m}, 0.5) AS v FROM mconv`))!.v;
      expect(median, c).not.toBeNull();
      const at = decimal(median!);
      const want = await count(`${m} >= ${at}`);
      expect(await total(`min_${underscored(c)}=${at}`), `min_${underscored(c)}=${at}`).toBe(want);
      if (want > 0 && want < WILDCHAT.conversations) split++;
    }
    expect(split).toBe(CATEGORIES.length);
    // A repeat replaces the earlier value; thresholds of two categories combine with AND.
    const [a, b] = [underscored(CATEGORIES[0]), underscored(CATEGORIES[1])];
    expect(await total(`min_${a}=0.9&min_${a}=0.0001`)).toBe(await count(`"m_${a}" >= 0.0001`));
    expect(await total(`min_${a}=0.0001&min_${b}=0.0001&language=English`)).toBe(
      await count(`"m_${a}" >= 0.0001 AND "m_${b}" >= 0.0001 AND language = 'English'`),
    );
    expect(await total(`min_${a}=1`)).toBe(await count(`"m_${a}" >= 1`));
  });

  it('counts flagged=<category> for every category, alone and ORed with another', async () => {
    let some = 0;
    for (const c of CATEGORIES) {
      const want = await count(`"f_${underscored(c)}"`);
      expect(await total(`flagged=${encodeURIComponent(c)}`), c).toBe(want);
      if (want > 0) some++;
    }
    expect(some).toBeGreaterThan(CATEGORIES.length / 2);
    const [a, b] = [CATEGORIES.at(-1)!, CATEGORIES.at(-2)!];
    expect(await total(`flagged=${encodeURIComponent(a)}&flagged=${encodeURIComponent(b)}`)).toBe(
      await count(`"f_${underscored(a)}" OR "f_${underscored(b)}"`),
    );
    expect(await total(`flagged=${encodeURIComponent(a)}&min_${underscored(b)}=0.001`)).toBe(
      await count(`"f_${underscored(a)}" AND "m_${underscored(b)}" >= 0.001`),
    );
  });
});
