import { describe, expect, it } from 'vitest';
import { duck } from '@/test/duck';
import { forEachTermAndPair, PairTable } from './pairs';
import { parseQuery } from './query';

describe('phrase checks in DuckDB', () => {
  it('let every message the exact pattern matches through their prefilter, in any script, case and separator', async () => {
    const c = await duck();
    const texts = ['the one', 'THE\u00a0ONE', 'x the—one y', 'the_one', 'theone', 'the ... one!', 'other one', 'the ønе',
      'Привет,  МИР', 'привет мирный', 'zebra-quartz-57', 'Zebra Quartz 57', '北京 大学', '北京大学', 'hello 北京',
      'self-harm/intent', 'the\n\none'];
    const queries = ['"the one"', '"привет мир"', 'zebra-quartz-57', '"zebra quartz 57"', '"北京 大学"', '"hello 北京"', 'self-harm/intent'];
    let matched = 0;
    let rejected = 0;
    for (const q of queries) {
      const [check] = parseQuery(q).checks;
      expect(check.prefilter, q).toBeTruthy();
      for (const t of texts) {
        const r = (await c.one<{ exact: boolean; pre: boolean }>(
          `SELECT regexp_matches($1, $2, 'i') AS exact, regexp_matches($1, $3, 'i') AS pre`, [t, check.pattern, check.prefilter!]))!;
        if (r.exact) {
          expect(r.pre, `${q} in ${JSON.stringify(t)}`).toBe(true);
          matched++;
        } else if (!r.pre) rejected++;
      }
    }
    expect(matched).toBeGreaterThan(8);
    expect(rejected).toBeGreaterThan(50); // and it is a filter: most texts without the phrase fail it
  });
});

describe('phrase terms', () => {
  it('are all among the terms the index holds for every message the phrase matches', async () => {
    const c = await duck();
    const table = new PairTable();
    const termsOf = (t: string) => {
      const out = new Set<string>();
      forEachTermAndPair(table, t, (hi, lo) => out.add(((BigInt(hi) << 32n) | BigInt(lo)).toString()));
      return out;
    };
    const texts = ['of the', 'OF\u00a0THE', 'x of—the y', 'of_the', 'of 中 the', 'of\n\nthe end', 'with with', 'With, with!',
      'the state-of-the-art model', 'State Of The Art', 'out of the blue', 'of  a the', 'de la casa', 'в не на', 'по-моему'];
    const queries = ['"of the"', '"with with"', 'state-of-the-art', '"out of the"', '"de la"', '"в не на"', 'по-моему'];
    let matched = 0;
    let paired = 0;
    for (const q of queries) {
      const [check] = parseQuery(q).checks;
      if (check.terms.length > new Set(parseQuery(q).terms).size) paired++;
      for (const t of texts) {
        const r = (await c.one<{ exact: boolean }>(`SELECT regexp_matches($1, $2, 'i') AS exact`, [t, check.pattern]))!;
        if (!r.exact) continue;
        matched++;
        const held = termsOf(t);
        for (const term of check.terms) expect(held.has(term), `${q} in ${JSON.stringify(t)}`).toBe(true);
      }
    }
    expect(paired).toBeGreaterThanOrEqual(5); // the pair terms are asked for
    expect(matched).toBeGreaterThan(8);
  });
});
