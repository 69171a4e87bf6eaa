import { describe, expect, it } from 'vitest';
import { thinPath } from './thin';

describe('thinPath', () => {
  it('drops points closer than the tolerance, keeps ring ends and every ring', () => {
    const d = 'M0,0L0.2,0L10,0L10,10L0,10L0,0.1ZM50,50L50.1,50L50.2,50.1L50,50.2Z';
    expect(thinPath(d, 1)).toBe('M0,0L10,0L10,10L0,10L0,0.1ZM50,50L50.1,50L50.2,50.1L50,50.2Z');
  });
});
