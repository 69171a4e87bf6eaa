import { describe, expect, it } from 'vitest';
import { chips } from './chips';

describe('chips', () => {
  it('makes one chip per filter value, none for listing parameters', () => {
    const c = chips(new URLSearchParams('language=Russian&language=French&not_country=China&sort=oldest&limit=25&offset=50&from='));
    expect(c.map((x) => x.label)).toEqual(['language: Russian', 'language: French', 'not country: China']);
  });
  it('removes exactly its own value and resets paging', () => {
    const [ru] = chips(new URLSearchParams('language=Russian&language=French&sort=oldest&offset=50'));
    expect(ru?.href).toBe('/?sort=oldest&language=French');
  });
  it('drops role and relevance with the search', () => {
    const c = chips(new URLSearchParams('q=essay&role=user&sort=relevance&model=gpt-4-0314'));
    expect(c[0]).toMatchObject({ key: 'q', label: 'search: “essay”', href: '/?model=gpt-4-0314' });
    expect(c[1]?.label).toBe('in user messages');
  });
  it('labels thresholds, turns and users', () => {
    const c = chips(new URLSearchParams('min_self_harm_intent=0.3&turns_min=3&hashed_ip=0123456789abcdef'));
    expect(c.map((x) => x.label)).toEqual(['self_harm_intent ≥ 0.3', 'turns ≥ 3', 'user: 0123456789…']);
  });
  it('goes back to the bare page when the last chip is removed', () => {
    expect(chips(new URLSearchParams('toxic=true'))[0]?.href).toBe('/');
  });
  it('on the charts page: links stay there, chart options are kept but get no chip', () => {
    const c = chips(new URLSearchParams('country=Germany&interval=week&q=essay&role=user&split=role'), '/charts');
    expect(c.map((x) => x.key)).toEqual(['country', 'q', 'role']);
    expect(c[0]?.href).toBe('/charts?interval=week&q=essay&role=user&split=role');
    expect(c[1]?.href).toBe('/charts?country=Germany&interval=week&split=role');
  });
});
