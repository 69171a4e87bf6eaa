import { describe, expect, it } from 'vitest';
import { conversationHref, dayHref, filterHref, resultsHref } from './urls';

describe('conversation link builders', () => {
  it('filters the explore page by one value', () => {
    expect(filterHref({ hashed_ip: 'ab cd' })).toBe('/?hashed_ip=ab+cd');
    expect(filterHref({})).toBe('/');
    expect(dayHref('2023-05-01T12:00:00.000Z')).toBe('/?from=2023-05-01&to=2023-05-01');
  });

  it('carries the search and the results view into a conversation and back', () => {
    const href = conversationHref('123', { q: 'hello world', back: 'q=hello+world&country=France' });
    expect(href).toBe('/c/123?q=hello+world&back=q%3Dhello%2Bworld%26country%3DFrance');
    const back = new URL(href, 'http://x').searchParams.get('back');
    expect(resultsHref(back)).toBe('/?q=hello+world&country=France');
    expect(conversationHref('123')).toBe('/c/123');
  });

  it('never leaves the explore page', () => {
    expect(resultsHref('//evil.com/x')).toBe('/?evil.com%2Fx=');
    expect(resultsHref('')).toBe('/');
    expect(resultsHref(null, 'zebra')).toBe('/?q=zebra');
    expect(resultsHref(undefined)).toBeNull();
  });
});
