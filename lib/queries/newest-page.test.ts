// The newest pages of selections of facet values, read from the newest order kept per index
// (newest-page.ts), are those the SQL sort of the selected rows gives, at any offset.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '@/lib/filters/schema';
import { bestMatches, fewMatches } from '@/lib/search/matches';
import { MatchBits } from '@/lib/search/match-bits';
import { WILDCHAT_CACHE } from '@/test/fixtures';

let listConversations: typeof import('./listing').listConversations;
let withSelection: typeof import('./selection').withSelection;
let pageSql: typeof import('./listing').pageSql;
let newestPage: typeof import('./newest-page').newestPage;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  // Each search computed anew, so one kept as a few matches is not answered where many are wanted.
  process.env.WILDSCOPE_MATCH_CACHE_SECONDS = '0';
  ({ listConversations, pageSql } = await import('./listing'));
  ({ withSelection } = await import('./selection'));
  ({ newestPage } = await import('./newest-page'));
});

/** The page newestPage reads for `qs` (undefined: left to SQL), the one the SQL sort gives, and what the selection kept. */
function pages(qs: string) {
  const { filter, listing } = parseParams(new URLSearchParams(qs));
  return withSelection(filter, async (c, sel) => {
    const fast = await newestPage(c, sel, listing);
    const s = pageSql(sel, listing);
    const sql = (await c.all<{ idx: number }>(s.text, s.params)).map((r) => Number(r.idx));
    return { fast, sql, scored: sel.scored !== undefined, bits: sel.kept instanceof MatchBits };
  });
}

describe('newest pages from the kept order', () => {
  it('are the SQL sort of the selection, for facet values, exclusions, topics and offsets', async () => {
    const { rows } = await listConversations(parseParams(new URLSearchParams('limit=3')).filter, { sort: 'newest', limit: 3, offset: 0 });
    const [a, b] = rows;
    const states = [
      '',
      'offset=7&limit=13',
      'offset=395&limit=10',
      `language=${a!.language}`,
      `language=${a!.language}&offset=20&limit=5`,
      `not_language=${a!.language}&country=${b!.country}`,
      `model=${a!.model}&toxic=false&offset=3`,
      `topic=${a!.topic}`,
      `topic=${a!.topic!.split('.')[0]}&not_country=${a!.country}`,
      'redacted=true',
      `country=${b!.country}&offset=100000`,
    ];
    for (const qs of states) {
      const { fast, sql } = await pages(qs);
      expect(fast, qs).toEqual(sql);
    }
  });

  it("of a search's few matches, newest and by relevance, are the SQL sort joined with its table, made when SQL asks", async () => {
    const { rows } = await listConversations(parseParams(new URLSearchParams('limit=1')).filter, { sort: 'newest', limit: 1, offset: 0 });
    const language = rows[0]!.language!;
    const states = [
      'q=the&sort=relevance',
      'q=the&sort=newest&offset=5&limit=7',
      'q=python&sort=relevance&limit=100',
      `q=hello&sort=relevance&language=${language}`,
      `q=data&sort=relevance&not_language=${language}&offset=3`,
      'q=the python&sort=relevance',
      'q=the -python&sort=relevance&role=user',
      'q="of the"&sort=relevance',
    ];
    let ranked = 0;
    for (const qs of states) {
      const { scored: kept, fast, sql } = await pages(qs);
      expect(kept, qs).toBe(true);
      expect(fast, qs).toEqual(sql);
      if (sql.length > 1) ranked++;
    }
    expect(ranked).toBeGreaterThan(5);
  });

  it("of a word's many matches, newest from their bits and by relevance from the highest-scoring, are the SQL sort joined with its table", async () => {
    const { rows } = await listConversations(parseParams(new URLSearchParams('limit=1')).filter, { sort: 'newest', limit: 1, offset: 0 });
    const language = rows[0]!.language!;
    const states = [
      'q=the&sort=relevance',
      'q=the&sort=relevance&limit=7&offset=9',
      'q=the&sort=relevance&offset=150',
      'q=the&sort=newest&offset=5&limit=7',
      'q=the&sort=newest&offset=100',
      'q=python&sort=relevance&language=English',
      `q=data&sort=relevance&not_language=${language}&limit=5`,
      'q=hello&sort=relevance&role=user',
      'q=the&sort=newest&language=English&offset=2',
    ];
    const saved = [fewMatches.max, bestMatches.k] as const;
    // Every search's matches are many, and only the 120 highest-scoring are kept beside their bits.
    [fewMatches.max, bestMatches.k] = [-1, 120];
    let fromJs = 0;
    let toSql = 0;
    try {
      for (const qs of states) {
        const { bits, fast, sql } = await pages(qs);
        expect(bits, qs).toBe(true);
        // A relevance page past the highest-scoring is left to SQL.
        if (fast === undefined) toSql++;
        else {
          expect(fast, qs).toEqual(sql);
          if (sql.length > 1) fromJs++;
        }
      }
    } finally {
      [fewMatches.max, bestMatches.k] = saved;
    }
    expect(fromJs).toBeGreaterThan(5);
    expect(toSql).toBeGreaterThan(0);
  });
});
