import { describe, expect, it } from 'vitest';
import { quantile, stats } from './stats';

describe('bench stats', () => {
  it('takes nearest-rank quantiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(xs, 0.5)).toBe(50);
    expect(quantile(xs, 0.95)).toBe(95);
    expect(quantile(xs, 0.99)).toBe(99);
    expect(stats([3, 1, 2], 1)).toEqual({ n: 3, errors: 1, p50: 2, p95: 3, p99: 3, max: 3 });
  });
});
