// A search counts its total and facets from its matches kept in JavaScript (match-facets.ts), a
// few row numbers or the bits of many: each answer is compared with the passes over every
// conversation that count them otherwise.
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '@/lib/bench/mix';
import { parseParams } from '@/lib/filters/schema';
import { fewMatches, manyMatches } from '@/lib/search/matches';
import { MatchBits } from '@/lib/search/match-bits';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { matchesAnswer } from './match-facets';

let countFacets: typeof import('./facets').countFacets;
let listConversations: typeof import('./listing').listConversations;
let withSelection: typeof import('./selection').withSelection;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  // Each search computed anew, so one made with the passes is not answered from one made without.
  process.env.WILDSCOPE_MATCH_CACHE_SECONDS = '0';
  ({ countFacets } = await import('./facets'));
  ({ listConversations } = await import('./listing'));
  ({ withSelection } = await import('./selection'));
});

type Kept = 'few' | 'bits' | 'passes';

/** The listing (total and page) and facets of `qs`, with the matches kept as a few numbers, as bits, or not kept. */
async function answers(qs: string, mode: Kept) {
  const { filter, listing } = parseParams(new URLSearchParams(qs));
  const [max, bits] = [fewMatches.max, manyMatches.bits];
  fewMatches.max = mode === 'few' ? max : -1;
  manyMatches.bits = mode === 'bits';
  try {
    const kept = await withSelection(filter, async (_c, sel) =>
      !matchesAnswer(filter, sel.kept) ? 'passes' : sel.kept instanceof MatchBits ? 'bits' : 'few',
    );
    // A search without matches has no bits to keep.
    if (kept !== 'passes' || mode !== 'bits') expect(kept, `${qs} kept as ${mode}`).toBe(mode);
    const [list, facets] = await Promise.all([listConversations(filter, listing), countFacets(filter)]);
    return { list, facets };
  } finally {
    [fewMatches.max, manyMatches.bits] = [max, bits];
  }
}

describe('totals and facets of searches from their matches kept in JavaScript', () => {
  it('are those of the passes over every conversation, for words and phrases under facet values', async () => {
    const d = await duck();
    const src = parquet(WILDCHAT.dir);
    const pick = async (col: string) =>
      (
        await d.all<{ v: string }>(`SELECT ${col} AS v FROM ${src} WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`)
      ).map((r) => r.v);
    const [languages, countries, models] = [await pick('language'), await pick('country'), await pick('model')];
    const r = rng(5);
    const any = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const searches = ['the', 'function', 'python', 'hello', '"of the"', 'the -python', 'data', 'zzzznotaword'];
    let compared = 0;
    for (const q of searches) {
      for (let i = 0; i < 4; i++) {
        const p = new URLSearchParams({ q, sort: i % 2 ? 'newest' : 'relevance', limit: '20' });
        if (i > 0 && r() < 0.6) p.append('language', any(languages));
        if (i > 0 && r() < 0.4) p.append('not_country', any(countries));
        if (i > 0 && r() < 0.3) p.append('model', any(models));
        if (i === 3) p.set('toxic', 'false');
        const want = await answers(p.toString(), 'passes');
        expect(await answers(p.toString(), 'few'), `${p} from a few matches`).toEqual(want);
        expect(await answers(p.toString(), 'bits'), `${p} from the bits of many`).toEqual(want);
        if (want.list.total > 0) compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('leaves searches under other conditions to the passes', async () => {
    for (const qs of ['q=the&turns_min=2', 'q=the&from=2023-06-01', 'q=the&hashed_ip=x', 'q=the&flagged=any']) {
      const { filter } = parseParams(new URLSearchParams(qs));
      expect(await withSelection(filter, async (_c, sel) => [sel.convs !== undefined, matchesAnswer(filter, sel.convs)]), qs).toEqual([
        true,
        false,
      ]);
    }
  });

  it('answers a search under other conditions from its table made on first need, as from the table made at once', async () => {
    let compared = 0;
    for (const qs of [
      'q=the&turns_min=2',
      'q=python&turns_min=2&sort=oldest',
      'q=hello&from=2023-06-01&sort=turns',
      'q=data&flagged=any&sort=relevance',
    ]) {
      const { filter, listing } = parseParams(new URLSearchParams(qs));
      // Listing and facets together: both sessions need the table, made once.
      const both = () => Promise.all([listConversations(filter, listing), countFacets(filter)]);
      const got = await both();
      const max = fewMatches.max;
      fewMatches.max = -1;
      try {
        expect(got, qs).toEqual(await both());
      } finally {
        fewMatches.max = max;
      }
      if (got[0].total > 0) compared++;
    }
    expect(compared).toBeGreaterThan(2);
  });
});
