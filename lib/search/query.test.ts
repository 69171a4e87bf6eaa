import { describe, expect, it } from 'vitest';
import { duck } from '@/test/duck';
import { SEP, wordsPattern as words } from '@/test/oracle';
import { forEachTermAndPair, PairTable } from './pairs';
import { checkMatcher, parseQuery } from './query';

describe('phrase checks', () => {
  it("match the messages the contract's RE2 patterns match (DuckDB), in any script, case and separator", async () => {
    const c = await duck();
    const texts = [
      'the one',
      'THE\u00a0ONE',
      'x the—one y',
      'the_one',
      'theone',
      'the ... one!',
      'other one',
      'the ønе',
      'Привет,  МИР',
      'привет мирный',
      'zebra-quartz-57',
      'Zebra Quartz 57',
      'zebra-quartz-570',
      '北京 大学',
      '北京大学',
      'hello 北京',
      'self-harm/intent',
      'self-harm/intentional',
      'the\n\none',
      'a.b (c) [d]',
      'A.B (C) [D]',
      'a b c d',
      'xa b c d',
      '🙂the one🙂',
    ];
    const reference: [string, string][] = [
      ['"the one"', words('the', 'one')],
      ['"привет мир"', words('привет', 'мир')],
      ['zebra-quartz-57', words('zebra-quartz-57')],
      ['"zebra quartz 57"', words('zebra', 'quartz', '57')],
      ['"北京 大学"', `北京${SEP}+大学`],
      ['"hello 北京"', `(^|${SEP})hello${SEP}+北京`],
      ['self-harm/intent', words('self-harm/intent')],
      ['"a.b (c) [d]"', words('a', 'b', 'c', 'd')],
    ];
    let matched = 0;
    let rejected = 0;
    for (const [q, re2] of reference) {
      const test = checkMatcher(parseQuery(q).checks[0]!);
      for (const t of texts) {
        const want = (await c.one<{ m: boolean }>(`SELECT regexp_matches($1, $2, 'i') AS m`, [t, re2]))!.m;
        expect(test(t), `${q} in ${JSON.stringify(t)}`).toBe(want);
        if (want) matched++;
        else rejected++;
      }
    }
    expect(matched).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(100);
    const cjk = checkMatcher(parseQuery('北京大学').checks[0]!);
    expect(texts.filter(cjk)).toEqual(['北京大学']);
  });
});

describe('phrase terms', () => {
  it('are all among the terms the index holds for every message the phrase matches', async () => {
    const table = new PairTable();
    const termsOf = (t: string) => {
      const out = new Set<string>();
      forEachTermAndPair(table, t, (hi, lo) => out.add(((BigInt(hi) << 32n) | BigInt(lo)).toString()));
      return out;
    };
    const texts = [
      'of the',
      'OF\u00a0THE',
      'x of—the y',
      'of_the',
      'of 中 the',
      'of\n\nthe end',
      'with with',
      'With, with!',
      'the state-of-the-art model',
      'State Of The Art',
      'out of the blue',
      'of  a the',
      'de la casa',
      'в не на',
      'по-моему',
    ];
    const queries = ['"of the"', '"with with"', 'state-of-the-art', '"out of the"', '"de la"', '"в не на"', 'по-моему'];
    let matched = 0;
    let paired = 0;
    for (const q of queries) {
      const check = parseQuery(q).checks[0]!;
      if (check.terms.length > new Set(parseQuery(q).terms).size) paired++;
      const test = checkMatcher(check);
      for (const t of texts) {
        if (!test(t)) continue;
        matched++;
        const held = termsOf(t);
        for (const term of check.terms) expect(held.has(term), `${q} in ${JSON.stringify(t)}`).toBe(true);
      }
    }
    expect(paired).toBeGreaterThanOrEqual(5); // the pair terms are asked for
    expect(matched).toBeGreaterThan(8);
  });
});

describe('queries in scripts with combining marks and without spaces', () => {
  const matches = (q: string, text: string) => checkMatcher(parseQuery(q).checks[0]!)(text);

  it('ask for the whole Devanagari word, not its consonants', () => {
    expect(parseQuery('नहीं').terms).not.toEqual(parseQuery('नह').terms);
    expect(matches('"नहीं जानता"', 'मैं नहीं जानता')).toBe(true);
    expect(matches('"नह जानता"', 'मैं नहीं जानता')).toBe(false);
  });

  it('confirm Arabic phrases with or without harakat on either side', () => {
    for (const q of ['"مُحَمَّد رَسُول"', '"محمد رسول"']) {
      expect(parseQuery(q).terms).toEqual(parseQuery('محمد رسول').terms);
      expect(matches(q, 'قال مُحَمَّدٌ رَسُولُ الله')).toBe(true);
      expect(matches(q, 'قال محمد رسول الله')).toBe(true);
      expect(matches(q, 'قال محمد ورسول الله')).toBe(false);
    }
  });

  it('confirm a Thai run as a sequence of characters anywhere', () => {
    expect(matches('ภาษาไทย', 'ฉันพูดภาษาไทยได้')).toBe(true);
    expect(matches('ภาษาไทย', 'ฉันพูดภาษาลาวได้')).toBe(false);
  });
});
