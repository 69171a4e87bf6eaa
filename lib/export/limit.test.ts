// The export row cap (WILDSCOPE_EXPORT_MAX_ROWS): a larger selection is cut to the cap and says so
// in a header and in the file name; a selection within the cap is whole and says nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/test/csv';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { call, send, type Handler } from '@/test/requests';
import { exportMaxRows } from '../config';

let csv: Handler;
let jsonl: Handler;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  process.env.WILDSCOPE_EXPORT_MAX_ROWS = '10';
  csv = (await import('@/app/api/conversations.csv/route')).GET as unknown as Handler;
  jsonl = (await import('@/app/api/conversations.jsonl/route')).GET as unknown as Handler;
});
afterAll(() => {
  delete process.env.WILDSCOPE_EXPORT_MAX_ROWS;
});

const get = (h: Handler, q: string) => send(h, `/api/x?${q}`);
const lines = async (r: Response) => (await r.text()).split('\n').filter(Boolean);

/** CSV records (previews carry line breaks inside quoted cells). */
const records = async (r: Response) => parseCsv(await r.text()).length;

describe('export row cap', () => {
  it('cuts a CSV export of the whole fixture to the cap and says so', async () => {
    const r = await get(csv, 'sort=oldest');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-wildscope-truncated')).toBe(`first 10 of ${WILDCHAT.conversations} conversations`);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="wildscope-conversations-first-10.csv"');
    expect(await records(r)).toBe(11); // header + 10
  });

  it('cuts a JSONL export to the cap and keeps the order', async () => {
    const r = await get(jsonl, 'sort=turns');
    expect(r.headers.get('x-wildscope-truncated')).toBe(`first 10 of ${WILDCHAT.conversations} conversations`);
    const rows = (await lines(r)).map((l) => JSON.parse(l) as { turns: number });
    expect(rows).toHaveLength(10);
    expect(rows.map((x) => x.turns)).toEqual([...rows.map((x) => x.turns)].sort((a, b) => b - a));
  });

  it('leaves a selection within the cap whole and unmarked', async () => {
    // The longest conversations: the smallest turns_min that leaves between 1 and 10 of them.
    const list = (await import('@/app/api/conversations/route')).GET as unknown as Handler;
    let want = 0;
    let n = 1;
    for (; n < 1000; n++) {
      want = (await call(list, `/api/conversations?turns_min=${n}`)).body.total as number;
      if (want <= 10) break;
    }
    expect(want).toBeGreaterThan(0);
    const r = await get(csv, `turns_min=${n}`);
    expect((await records(r)) - 1).toBe(want);
    expect(r.headers.get('x-wildscope-truncated')).toBeNull();
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="wildscope-conversations.csv"');
  });

  it('refuses a cap that is not a positive whole number, naming the variable', () => {
    expect(exportMaxRows({})).toBe(1_000_000);
    for (const bad of ['0', '-5', 'lots', '1e6'])
      expect(() => exportMaxRows({ WILDSCOPE_EXPORT_MAX_ROWS: bad })).toThrow(/WILDSCOPE_EXPORT_MAX_ROWS/);
  });
});
