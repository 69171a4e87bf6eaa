// Previous and next at the ends of the results: the first result has no previous, the last no
// next, and the positions and total agree with the listing and with DuckDB's count.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '@/lib/filters/schema';
import { parquet, scalar } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { hasWord } from '@/test/oracle';

let neighbours: typeof import('./neighbours').neighbours;
let listConversations: typeof import('./listing').listConversations;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ neighbours } = await import('./neighbours'));
  ({ listConversations } = await import('./listing'));
});

/** Every id of the selection, in the listing's order, page by page. */
async function ids(qs: string): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const { filter, listing } = parseParams(new URLSearchParams(`${qs}&limit=200&offset=${offset}`));
    const page = await listConversations(filter, listing);
    out.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 200) return out;
  }
}

describe('neighbours at the ends of the results', () => {
  const cases: [string, string][] = [
    ['language=English&sort=oldest', "language = 'English'"],
    ['q=the&language=English&sort=relevance', `${hasWord('the')} AND language = 'English'`],
    ['turns_min=3&sort=turns', 'turn >= 3'],
  ];
  for (const [qs, where] of cases) {
    it(`walks ${qs} from its first result to its last`, async () => {
      const order = await ids(qs);
      expect(order.length).toBeGreaterThan(2);
      expect(order.length).toBe(Number(await scalar(`SELECT count(*) FROM ${parquet(WILDCHAT.dir)} WHERE ${where}`)));
      const { filter, listing } = parseParams(new URLSearchParams(qs));
      const at = (id: string) => neighbours(filter, listing.sort, id);
      expect(await at(order[0]!)).toEqual({ position: 1, total: order.length, prev: null, next: order[1] });
      expect(await at(order.at(-1)!)).toEqual({ position: order.length, total: order.length, prev: order.at(-2), next: null });
      expect(await at(order[1]!)).toEqual({ position: 2, total: order.length, prev: order[0], next: order[2] });
      // A conversation outside the selection has no place in it.
      const outside = (await ids('sort=newest')).find((id) => !order.includes(id));
      expect(outside).toBeDefined();
      expect(await at(outside!)).toBeUndefined();
    });
  }
});
