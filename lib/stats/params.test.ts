import { describe, expect, it } from 'vitest';
import { ParamError } from '../filters/schema';
import { parseStatsParams, parseStatsParamsLenient, withStatsOptions } from './params';

const parse = (qs: string) => parseStatsParams(new URLSearchParams(qs));
function paramOf(qs: string): string {
  try {
    parse(qs);
  } catch (e) {
    if (e instanceof ParamError) return e.param;
    throw e;
  }
  throw new Error(`no ParamError for ${qs}`);
}

describe('parseStatsParams', () => {
  it('separates chart options from filters', () => {
    const { filter, options } = parse('interval=week&stack=model&split=country&language=French&q=essay');
    expect(options).toEqual({ interval: 'week', stack: 'model', split: 'country' });
    expect(filter.values).toEqual({ language: ['French'] });
    expect(filter.q).toBe('essay');
  });
  it('leaves absent or empty options at their default', () => {
    expect(parse('country=France&interval=').options).toEqual({});
  });
  it('names the parameter of a bad, repeated or listing value', () => {
    expect(paramOf('interval=year')).toBe('interval');
    expect(paramOf('stack=country')).toBe('stack');
    expect(paramOf('split=model')).toBe('split');
    expect(paramOf('split=role&split=language')).toBe('split');
    expect(paramOf('sort=newest')).toBe('sort');
    expect(paramOf('limit=10')).toBe('limit');
    expect(paramOf('offset=0')).toBe('offset');
    expect(paramOf('format=csv')).toBe('format');
    expect(paramOf('turns_min=x')).toBe('turns_min');
  });
  it('writes options back, dropping listing parameters', () => {
    const next = withStatsOptions(new URLSearchParams('country=France&stack=model&offset=50'), { interval: 'day' });
    expect(next.toString()).toBe('country=France&interval=day');
    expect(parse(next.toString()).options).toEqual({ interval: 'day' });
  });
});

describe('parseStatsParamsLenient', () => {
  it('keeps the good filters and options, and names each bad parameter: listing, option or filter', () => {
    const r = parseStatsParamsLenient(
      new URLSearchParams('country=Germany&sort=newest&interval=year&stack=model&turns_min=abc&wat=1&q=hello'),
    );
    expect(r.errors.map((e) => e.param)).toEqual(['sort', 'interval', 'turns_min', 'wat']);
    expect(r.options).toEqual({ stack: 'model' });
    expect(r.filter).toEqual(parse('country=Germany&q=hello').filter);
    expect(r.params.toString()).toBe('country=Germany&stack=model&q=hello');
  });
  it('drops a repeated option with all its values', () => {
    const r = parseStatsParamsLenient(new URLSearchParams('interval=week&interval=day&language=French'));
    expect(r.errors.map((e) => e.param)).toEqual(['interval']);
    expect(r.options).toEqual({});
    expect(r.params.toString()).toBe('language=French');
  });
});
