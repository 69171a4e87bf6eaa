import { describe, expect, it } from 'vitest';
import { duck } from '@/test/duck';
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
