import { describe, expect, it } from 'vitest';
import { ViewLinks } from '../urls';
import { handoff, HASH_HANDOFF_MAX } from './handoff';

const links = new ViewLinks('language=French&color=model&topic=t2', '/map');

describe('handing a map selection to explore', () => {
  it('names a small selection by its content hashes, keeping the filters and dropping the colour', () => {
    const h = handoff(links, 3, ['aa', 'bb', 'aa'], new Map([['t2.1', 3]]))!;
    expect(h.by).toBe('hash');
    expect(h.href).toBe('/?language=French&topic=t2&conversation_hash=aa&conversation_hash=bb');
  });

  it('names a larger selection by the fewest topics holding 90% of it, in a URL of bounded length', () => {
    const byTopic = new Map<string, number>();
    for (let i = 1; i <= 60; i++) byTopic.set(`t${i}.1`, i === 1 ? 5000 : 10);
    const total = 5000 + 59 * 10;
    const h = handoff(links, total, undefined, byTopic)!;
    expect(h.by).toBe('topic');
    // 5,000 is under 90% of 5,590: t1.1 and then the ten-point topics until the share is reached.
    const need = Math.ceil((0.9 * total - 5000) / 10);
    expect(h.topics).toBe(1 + need);
    expect(h.covered).toBe(5000 + need * 10);
    expect(h.href.startsWith('/?language=French&topic=t1.1&topic=')).toBe(true);
    expect(h.href.length).toBeLessThan(2000);
  });

  it('uses topics when a selection is too large for hashes or a hash is missing', () => {
    const many = Array.from({ length: HASH_HANDOFF_MAX + 1 }, (_, i) => `h${i}`);
    expect(handoff(links, many.length, many, new Map([['t2.1', many.length]]))!.by).toBe('topic');
    expect(handoff(links, 2, ['aa', null], new Map([['t2.1', 2]]))!.by).toBe('topic');
    expect(handoff(links, 0, [], new Map())).toBeUndefined();
  });
});
