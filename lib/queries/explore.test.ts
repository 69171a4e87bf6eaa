// The explore view's counts against DuckDB's own answers from the fixture Parquet: every facet,
// turn bucket and flag count is taken under every filter but its own, also with a search.
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, underscored } from '@/lib/dataset/moderation';
import { parseParams } from '@/lib/filters/schema';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { flaggedIn, hasWord } from '@/test/oracle';

let exploreView: typeof import('./explore').exploreView;
const WORD = 'the';

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ exploreView } = await import('./explore'));
  await (
    await duck()
  ).run(`CREATE OR REPLACE TABLE econv AS SELECT language, country, turn,
      list_bool_or([o.flagged FOR o IN openai_moderation]) AS flagged,
      ${CATEGORIES.map((c) => `${flaggedIn(c)} AS "f_${underscored(c)}"`).join(', ')},
      ${hasWord(WORD)} AS has_word
    FROM ${parquet(WILDCHAT.dir)}`);
});

const count = async (where: string) =>
  Number((await (await duck()).one<{ n: bigint }>(`SELECT count(*) AS n FROM econv WHERE ${where}`))!.n);

describe('explore view counts', () => {
  // Filters on every counted field at once, so each count must drop exactly its own filter.
  const cases = [
    { name: 'without a search', qs: 'turns_min=2&turns_max=5&flagged=any&language=English', word: 'true' },
    { name: 'with a search', qs: `q=${WORD}&turns_min=2&turns_max=5&flagged=any&language=English`, word: 'has_word' },
  ];
  for (const { name, qs, word } of cases) {
    it(`counts each field under the others' filters, ${name}`, async () => {
      const { filter, listing } = parseParams(new URLSearchParams(qs));
      const v = await exploreView(filter, listing);
      const turns = 'turn BETWEEN 2 AND 5';
      const lang = "language = 'English'";
      expect(v.list.total).toBe(await count(`${word} AND ${turns} AND flagged AND ${lang}`));
      expect(v.list.total).toBeGreaterThan(0);
      const buckets = Object.fromEntries(v.turns.map((b) => [b.label, b.count]));
      expect(buckets['1']).toBe(await count(`${word} AND flagged AND ${lang} AND turn = 1`));
      expect(buckets['3–5']).toBe(await count(`${word} AND flagged AND ${lang} AND turn BETWEEN 3 AND 5`));
      expect(buckets['21+']).toBe(await count(`${word} AND flagged AND ${lang} AND turn >= 21`));
      const flags = Object.fromEntries(v.flags.map((f) => [f.value, f.count]));
      expect(flags.any).toBe(await count(`${word} AND ${turns} AND ${lang} AND flagged`));
      for (const c of ['harassment', 'self-harm/intent', 'violence']) {
        expect(flags[c]).toBe(await count(`${word} AND ${turns} AND ${lang} AND "f_${underscored(c)}"`));
      }
      const english = v.facets.language.find((x) => x.value === 'English')?.count;
      expect(english).toBe(await count(`${word} AND ${turns} AND flagged AND ${lang}`));
      const otherLanguages = v.facets.language.reduce((n, x) => n + x.count, 0);
      expect(otherLanguages).toBe(await count(`${word} AND ${turns} AND flagged`));
    });
  }
});
