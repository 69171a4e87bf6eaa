// The lenient parse pages use: the good parameters kept, each bad one reported by name, and the
// strict parse of the API unchanged (its first error is the lenient parse's first).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawPair } from '@/test/hostile/arbitraries';
import { ParamError, parseParams, parseParamsLenient } from './schema';

const lenient = (qs: string) => parseParamsLenient(new URLSearchParams(qs));
const named = (qs: string) => lenient(qs).errors.map((e) => e.param);

describe('parseParamsLenient', () => {
  it('keeps the good parameters and names each bad one, in the order they occur', () => {
    const r = lenient('q=hello&turns_min=abc&language=English&from=2023-13-45&toxic=maybe&sort=foo&min_violence=2&wat=1&country=France');
    expect(r.errors.map((e) => e.param)).toEqual(['turns_min', 'from', 'toxic', 'sort', 'min_violence', 'wat']);
    for (const e of r.errors) expect(e.message).toContain(e.param);
    expect(r.params.toString()).toBe('q=hello&language=English&country=France');
    expect({ filter: r.filter, listing: r.listing }).toEqual(parseParams(new URLSearchParams('q=hello&language=English&country=France')));
  });
  it('reports a good view unchanged, with no errors', () => {
    const qs = 'q=hello&language=English&turns_min=2&sort=oldest&limit=25';
    expect(lenient(qs)).toEqual({ ...parseParams(new URLSearchParams(qs)), params: new URLSearchParams(qs), errors: [] });
  });
  it('drops every value of a repeated or bad parameter, and names it once', () => {
    expect(named('q=hello&q=world&language=English')).toEqual(['q']);
    expect(lenient('q=hello&q=world&language=English').filter.q).toBeUndefined();
    expect(named('language=English&language=' + 'x'.repeat(2001))).toEqual(['language']);
    expect(lenient('language=English&language=' + 'x'.repeat(2001)).filter.values).toEqual({});
    expect(named('sort=newest&sort=oldest&sort=bad')).toEqual(['sort']);
  });
  it('names a search with no words, and then a relevance sort that needed it', () => {
    const r = lenient('q=%22%22&sort=relevance&language=English');
    expect(r.errors.map((e) => e.param)).toEqual(['q', 'sort']);
    expect(r.listing.sort).toBe('newest');
    expect(r.params.toString()).toBe('language=English');
  });
  it('names turns_min when it exceeds turns_max, keeping turns_max', () => {
    const r = lenient('turns_min=5&turns_max=2');
    expect(r.errors.map((e) => e.param)).toEqual(['turns_min']);
    expect(r.filter.turnsMax).toBe(2);
    expect(r.filter.turnsMin).toBeUndefined();
  });
  it('on any query: shows the strict view of the parameters it keeps, and strict fails with its first error', () => {
    fc.assert(
      fc.property(fc.array(rawPair, { maxLength: 8 }), (pairs) => {
        const sp = new URLSearchParams(pairs.map(([k, v]) => `${k}=${v}`).join('&'));
        const r = parseParamsLenient(sp);
        const bad = r.errors.map((e) => e.param);
        expect(new Set(bad).size).toBe(bad.length);
        for (const k of bad) expect(sp.has(k)).toBe(true);
        expect([...r.params]).toEqual([...sp].filter(([k]) => !bad.includes(k)));
        expect(parseParams(r.params)).toEqual({ filter: r.filter, listing: r.listing });
        let thrown: unknown;
        try {
          parseParams(sp);
        } catch (e) {
          thrown = e;
        }
        if (!r.errors.length) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(ParamError);
          expect([(thrown as ParamError).param, (thrown as ParamError).message]).toEqual([r.errors[0]?.param, r.errors[0]?.message]);
        }
      }),
    );
  });
});
