import { describe, expect, it } from 'vitest';
import { Sql } from '../db/sql';
import { FIELDS } from '../filters/fields';
import { parseParams } from '../filters/schema';
import { buildWhere, without } from '../filters/where';
import { omittedBy } from './own-filter';
import { CHARTS, OWN_FILTER } from './types';

const filterOf = (qs: string) => parseParams(new URLSearchParams(qs)).filter;
const whereOf = (qs: string, omit?: Parameters<typeof without>[1]) => {
  const sql = new Sql();
  return [buildWhere(filterOf(qs), sql, { omit }), sql.params];
};

describe('a chart drawn without its own filter', () => {
  it('leaves out the field its clicks filter by, only when that field is set (values or exclusions)', () => {
    const f = filterOf('language=English&language=Russian&country=India&turns_min=2');
    expect(CHARTS.map((c) => omittedBy(c, f) ?? null)).toEqual(['country', null, 'language', null, 'country', null, null, null, null]);
    expect(omittedBy('models', filterOf('not_model=gpt-4-0314'))).toBe('model');
    expect(omittedBy('models', filterOf('language=English'))).toBeUndefined();
    expect(omittedBy('time', filterOf('from=2023-06-01'))).toBeUndefined();
  });

  it("is the chart whose clicks set that field on /charts (FIELDS' chart)", () => {
    for (const [chart, field] of Object.entries(OWN_FILTER)) {
      if (chart !== 'language_by_country') expect(FIELDS[field].chart, chart).toBe(chart);
    }
  });

  it('is counted under the same WHERE as the facet of that field (one omission for both)', () => {
    const qs = 'language=English&not_language=Russian&country=India&toxic=true&turns_min=2&flagged=any';
    for (const field of ['language', 'country', 'toxic', 'turns', 'flagged'] as const) {
      const rest = without(filterOf(qs), field);
      const sql = new Sql();
      expect([buildWhere(rest, sql), sql.params], field).toEqual(whereOf(qs, field));
      expect(buildWhere(rest, new Sql()), field).not.toEqual(buildWhere(filterOf(qs), new Sql()));
    }
  });

  it('keeps every other condition and leaves the filter it was given as it was', () => {
    const f = filterOf('language=English&country=India&not_country=Nepal&q=essay');
    const copy = structuredClone(f);
    const rest = without(f, 'country');
    expect(rest.values).toEqual({ language: ['English'] });
    expect(rest.not).toEqual({});
    expect(rest.q).toBe('essay');
    expect(f).toEqual(copy);
    expect(without(f, 'model')).toBe(f);
  });
});
