import { describe, expect, it } from 'vitest';
import { shapeNameOf } from './country-names';
import { place } from './place';

const shapes = new Set(['Turkey', 'United States of America', 'France']);

describe('place', () => {
  it('merges names of one shape, lists the ones without a shape and keeps the unknown apart', () => {
    const p = place(
      [
        { value: 'United States', count: 10, flagged: 2 },
        { value: 'Türkiye', count: 4, flagged: 1 },
        { value: 'Turkey', count: 3, flagged: 0 },
        { value: 'Réunion', count: 2, flagged: 0 },
        { value: null, count: 5, flagged: 1 },
      ],
      shapes,
      shapeNameOf,
    );
    expect(p.byShape.get('Turkey')).toEqual({ count: 7, flagged: 1, names: ['Türkiye', 'Turkey'] });
    expect(p.byShape.get('United States of America')?.count).toBe(10);
    expect(p.byShape.has('France')).toBe(false);
    expect(p.unmapped).toEqual([{ value: 'Réunion', count: 2, flagged: 0 }]);
    expect(p.unknown?.count).toBe(5);
  });
});
