import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/test/csv';
import { PLANTED, plantedIndex } from '@/test/planted';
import { call, type Handler } from '@/test/requests';

let compare: Handler;
let list: Handler;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = (await plantedIndex('compare')).cache;
  compare = (await import('@/app/api/compare/route')).GET as unknown as Handler;
  list = (await import('@/app/api/conversations/route')).GET as unknown as Handler;
});

const side = (s: string) => encodeURIComponent(s);

describe('compare', () => {
  it("gives each side the listing's total for the same filters", async () => {
    const pairs = [
      [`model=${PLANTED.a.model}`, `model=${PLANTED.b.model}`],
      ['language=English&turns_min=2', 'q=python'],
      ['', 'country=Russia&not_language=English'],
    ];
    for (const [a, b] of pairs) {
      const r = await call(compare, `/api/compare?a=${side(a!)}&b=${side(b!)}`);
      expect(r.status).toBe(200);
      expect(r.body.a.total).toBe((await call(list, `/api/conversations?${a}&limit=1`)).body.total);
      expect(r.body.b.total).toBe((await call(list, `/api/conversations?${b}&limit=1`)).body.total);
      expect(r.body.a.sentence).toMatch(/^[\d,]+ conversations?/);
    }
  });

  it('pairs shares that add up, with intervals around their difference, and each side its planted word first', async () => {
    const r = await call(compare, `/api/compare?a=${side(`model=${PLANTED.a.model}`)}&b=${side(`model=${PLANTED.b.model}`)}`);
    const models = r.body.models as {
      value: string;
      a: { count: number; share: number };
      b: { share: number };
      diff: number;
      lo: number;
      hi: number;
    }[];
    const a = models.find((m) => m.value === PLANTED.a.model)!;
    expect(a.a.share).toBe(1);
    expect(a.b.share).toBe(0);
    expect(a.a.count).toBe(r.body.a.total);
    for (const m of models) expect(m.lo <= m.diff && m.diff <= m.hi).toBe(true);
    const turns = r.body.turns.reduce((s: number, t: { a: number }) => s + t.a, 0);
    expect(turns).toBeCloseTo(1, 9);
    expect(r.body.terms.a[0].term).toBe(PLANTED.a.word);
    expect(r.body.terms.b[0].term).toBe(PLANTED.b.word);
    for (const f of r.body.flags) if (f.ratio !== null) expect(f.lo <= f.ratio && f.ratio <= f.hi).toBe(true);
  });

  it("pairs each side's topics and datasets with the listing's counts, topics by their labels", async () => {
    const pairs = [
      ['', `model=${PLANTED.b.model}`],
      [`model=${PLANTED.a.model}`, 'language=English'],
    ];
    for (const [a, b] of pairs) {
      const r = await call(compare, `/api/compare?a=${side(a!)}&b=${side(b!)}`);
      const topics = r.body.topics as { value: string | null; label?: string; a: { count: number }; b: { count: number } }[];
      expect(topics.length).toBeGreaterThan(1);
      for (const t of topics.filter((t) => t.value !== null).slice(0, 4)) {
        expect(t.label, t.value!).toMatch(/\S/);
        expect(t.a.count, `${a} ${t.value}`).toBe((await call(list, `/api/conversations?${a}&topic=${t.value}&limit=1`)).body.total);
        expect(t.b.count, `${b} ${t.value}`).toBe((await call(list, `/api/conversations?${b}&topic=${t.value}&limit=1`)).body.total);
      }
      const datasets = r.body.datasets as { value: string; a: { count: number }; b: { count: number } }[];
      expect(datasets.map((d) => [d.value, d.a.count, d.b.count])).toEqual([['wildchat', r.body.a.total, r.body.b.total]]);
    }
  });

  it('answers the same numbers as CSV', async () => {
    const q = `a=${side(`model=${PLANTED.a.model}`)}&b=${side('language=English')}`;
    const j = await call(compare, `/api/compare?${q}`);
    const c = await call(compare, `/api/compare?${q}&format=csv`);
    expect(c.type).toContain('text/csv');
    const rows = parseCsv(c.text);
    expect(rows[0]).toEqual(['section', 'key', 'a', 'b', 'contrast', 'lo', 'hi']);
    expect(rows.find((r) => r[0] === 'total' && r[1] === 'conversations')!.slice(2, 4)).toEqual([
      String(j.body.a.total),
      String(j.body.b.total),
    ]);
  });

  it('names a bad a or b in a 400', async () => {
    const bad = await call(compare, `/api/compare?a=${side('language=English')}&b=${side('turns_min=many')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('b');
    expect(bad.body.error).toContain('turns_min');
    const badA = await call(compare, `/api/compare?a=${side('colour=red')}&b=`);
    expect(badA.status).toBe(400);
    expect(badA.body.parameter).toBe('a');
    const other = await call(compare, '/api/compare?a=&b=&c=1');
    expect(other.body.parameter).toBe('c');
    const twice = await call(compare, '/api/compare?a=&a=');
    expect(twice.body.parameter).toBe('a');
  });
});
