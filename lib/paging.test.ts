import { describe, expect, it } from 'vitest';
import { paging } from './paging';

describe('paging', () => {
  it('computes the shown range and neighbours', () => {
    expect(paging(1204, 50, 50)).toMatchObject({ page: 2, pages: 25, first: 51, last: 100, prev: 0, next: 100, lastOffset: 1200 });
  });
  it('handles the last page and empty results', () => {
    expect(paging(1204, 50, 1200)).toMatchObject({ first: 1201, last: 1204, next: null });
    expect(paging(0, 50, 0)).toMatchObject({ pages: 1, first: 0, last: 0, prev: null, next: null, window: [1] });
  });
  it('shows a window of pages with gaps, past 10,000 rows', () => {
    expect(paging(1_000_000, 200, 20_000).window).toEqual([1, null, 99, 100, 101, 102, 103, null, 5000]);
    expect(paging(250, 50, 0).window).toEqual([1, 2, 3, null, 5]);
  });
});
