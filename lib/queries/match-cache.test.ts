import { describe, expect, it } from 'vitest';
import { matchCacheSeconds } from '../config';
import { MatchCache } from './match-cache';

function setup(limits: Partial<{ ttlMs: number; maxEntries: number; maxRows: number }> = {}) {
  let clock = 0;
  const dropped: string[] = [];
  const computed: string[] = [];
  const cache = new MatchCache(
    { ttlMs: 1000, maxEntries: 10, maxRows: 1000, ...limits },
    (t) => dropped.push(t),
    () => clock,
  );
  const compute = (rows: number, gate?: Promise<void>) => async (table: string) => {
    computed.push(table);
    await gate;
    return { rows };
  };
  return {
    cache,
    dropped,
    computed,
    compute,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('MatchCache', () => {
  it('computes once for requests that arrive while it runs', async () => {
    const { cache, computed, compute } = setup();
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const a = cache.acquire('q', 't', compute(5, gate));
    const b = cache.acquire('q', 't', compute(5, gate));
    open();
    const [ea, eb] = await Promise.all([a, b]);
    expect(computed).toEqual(['t1']);
    expect(ea).toBe(eb);
    expect(ea.rows).toBe(5);
  });

  it('keeps a finished entry for its time, then drops it', async () => {
    const { cache, computed, dropped, compute, tick } = setup({ ttlMs: 1000 });
    cache.release(await cache.acquire('q', 't', compute(1)));
    tick(999);
    cache.release(await cache.acquire('q', 't', compute(1)));
    expect(computed).toEqual(['t1']);
    tick(1000);
    cache.release(await cache.acquire('other', 't', compute(1)));
    expect(dropped).toEqual(['t1']);
    await cache.acquire('q', 't', compute(1));
    expect(computed).toEqual(['t1', 't2', 't3']);
  });

  it('with no time to keep, drops an entry when its last user is done', async () => {
    const { cache, dropped, compute } = setup({ ttlMs: 0 });
    const a = await cache.acquire('q', 't', compute(1));
    const b = await cache.acquire('q', 't', compute(1));
    cache.release(a);
    expect(dropped).toEqual([]);
    cache.release(b);
    expect(dropped).toEqual(['t1']);
    expect(cache.size).toBe(0);
  });

  it('over its limits drops the least recently used idle entries, never one in use', async () => {
    const { cache, dropped, compute } = setup({ maxEntries: 2, maxRows: 100 });
    const held = await cache.acquire('a', 't', compute(10));
    cache.release(await cache.acquire('b', 't', compute(10)));
    cache.release(await cache.acquire('c', 't', compute(10)));
    expect(dropped).toEqual(['t2']);
    cache.release(await cache.acquire('d', 't', compute(85)));
    expect(dropped).toEqual(['t2', 't3']);
    expect(cache.size).toBe(2);
    const big = cache.acquire('e', 't', compute(200));
    cache.release(await big);
    expect(dropped).toEqual(['t2', 't3', 't4', 't5']);
    cache.release(held);
    expect(cache.size).toBe(1);
  });

  it('forgets a failed computation, drops what it made and computes again next time', async () => {
    const { cache, dropped, computed, compute } = setup();
    const failing = async (t: string) => {
      computed.push(t);
      throw new Error('deadline');
    };
    await expect(cache.acquire('q', 't', failing)).rejects.toThrow('deadline');
    expect(dropped).toEqual(['t1']);
    expect(cache.size).toBe(0);
    const e = await cache.acquire('q', 't', compute(3));
    expect(e.rows).toBe(3);
    expect(computed).toEqual(['t1', 't2']);
  });
});

describe('matchCacheSeconds', () => {
  it('defaults to five minutes and names the variable when invalid', () => {
    expect(matchCacheSeconds({})).toBe(300);
    expect(matchCacheSeconds({ WILDSCOPE_MATCH_CACHE_SECONDS: '0' })).toBe(0);
    for (const bad of ['-1', 'soon', '1.5']) {
      expect(() => matchCacheSeconds({ WILDSCOPE_MATCH_CACHE_SECONDS: bad })).toThrow(/WILDSCOPE_MATCH_CACHE_SECONDS/);
    }
  });
});
