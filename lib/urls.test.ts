import { describe, expect, it } from 'vitest';
import { FIELDS } from './filters/fields';
import { chartsViewHref, exploreHref, exportHref, resultsViewHref, toggleHref, ViewLinks } from './urls';

describe('urls', () => {
  it('exports keep filters and sort, never paging', () => {
    const p = new URLSearchParams('language=Russian&q=essay&sort=oldest&limit=25&offset=50');
    expect(exportHref(p, 'csv')).toBe('/api/conversations.csv?language=Russian&q=essay&sort=oldest');
    expect(exportHref(new URLSearchParams(), 'jsonl')).toBe('/api/conversations.jsonl');
  });
  it('sets and clears a range in one link', () => {
    const p = new URLSearchParams('turns_min=2&language=French&offset=100');
    expect(new ViewLinks(p).range(FIELDS.turns, 3, 5)).toBe('/?language=French&turns_min=3&turns_max=5');
    expect(new ViewLinks(p).range(FIELDS.turns, null, null)).toBe('/?language=French');
  });
  it('stays on the charts page when given its path', () => {
    const p = new URLSearchParams('country=Germany&interval=week');
    expect(toggleHref(p, 'country', 'France', '/charts')).toBe('/charts?interval=week&country=Germany&country=France');
    expect(toggleHref(new URLSearchParams('country=Germany'), 'country', 'Germany', '/charts')).toBe('/charts');
    expect(exploreHref(p, { from: '2023-05-01', to: '2023-05-31' }, '/charts')).toBe(
      '/charts?country=Germany&interval=week&from=2023-05-01&to=2023-05-31',
    );
  });
  it('switches between results and charts keeping every filter, dropping what the other view refuses', () => {
    const explore = new URLSearchParams('country=Hong+Kong&not_language=English&sort=oldest&limit=25&offset=50&from=2023-05-01');
    expect(chartsViewHref(explore)).toBe('/charts?country=Hong+Kong&not_language=English&from=2023-05-01');
    const charts = new URLSearchParams('country=Hong+Kong&interval=week&stack=model&split=role&flagged=violence');
    expect(resultsViewHref(charts)).toBe('/?country=Hong+Kong&flagged=violence');
    expect(resultsViewHref(new URLSearchParams('interval=day'))).toBe('/');
  });
  it('switches to and from the map keeping every filter, dropping what the other view refuses', () => {
    const explore = new URLSearchParams('q=essay&country=Hong+Kong&sort=oldest&limit=25&offset=50&flagged=violence');
    expect(new ViewLinks(explore).map()).toBe('/map?q=essay&country=Hong+Kong&flagged=violence');
    expect(new ViewLinks('country=Germany&interval=week&split=role', '/charts').map()).toBe('/map?country=Germany');
    const map = new ViewLinks('language=French&color=model&not_model=gpt-4-0314', '/map');
    expect(map.results()).toBe('/?language=French&not_model=gpt-4-0314');
    expect(map.charts()).toBe('/charts?language=French&not_model=gpt-4-0314');
    expect(map.toggle('language', 'German')).toBe('/map?color=model&not_model=gpt-4-0314&language=French&language=German');
  });
});
