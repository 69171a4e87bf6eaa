import { beforeAll, describe, expect, it } from 'vitest';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { send, type Handler } from '@/test/requests';

let exploreWildVis: typeof import('./wildvis').exploreWildVis;
let all: Handler;
let one: Handler;
beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ exploreWildVis } = await import('./wildvis'));
  all = (await import('@/app/embeddings/route')).GET as unknown as Handler;
  one = (await import('@/app/embeddings/[language]/route')).GET as unknown as Handler;
});

const HOST = 'wildscope.example.org';

describe('WildVis URLs on the fixture index', () => {
  it('spell every language as the index stores it, whatever the case asked', async () => {
    const rows = await (
      await duck()
    ).all<{ language: string }>(`SELECT DISTINCT language FROM ${parquet(WILDCHAT.dir)} WHERE language IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(3);
    for (const { language } of rows) {
      const asked = new URLSearchParams({ contains: 'x', language: language.toUpperCase() });
      expect(await exploreWildVis(asked), language).toEqual({ to: `/?${new URLSearchParams({ q: '"x"', language })}` });
    }
  });

  it('say a WildChat index serves no LMSYS-Chat conversation', async () => {
    expect(await exploreWildVis(new URLSearchParams('dataset=lmsyschat'))).toMatchObject({
      notice: expect.stringContaining('LMSYS-Chat-1M'),
    });
    expect(await exploreWildVis(new URLSearchParams('dataset=wildchat&contains=x&toxic=true'))).toEqual({
      to: `/?${new URLSearchParams({ q: '"x"', toxic: 'true' })}`,
    });
    // The served dataset is named wildchat: there, `dataset=wildchat` is Wildscope's own filter.
    expect(await exploreWildVis(new URLSearchParams('dataset=wildchat&toxic=true'))).toBeUndefined();
    expect(await exploreWildVis(new URLSearchParams('toxic=true&language=English'))).toBeUndefined();
  });

  it('send the embedding map to the topic map, on the host the reader asked', async () => {
    const english = (await exploreWildVis(new URLSearchParams('language=english'))) as { to: string };
    const cases: [Handler, string, Record<string, string>, string][] = [
      [all, '/embeddings', {}, '/map'],
      [all, '/embeddings?contains=python&min_turns=2', {}, '/map?q=%22python%22&turns_min=2'],
      [one, '/embeddings/english?contains=python', { language: 'english' }, `/map?q=%22python%22&${english.to.slice(2)}`],
      [one, '/embeddings/all', { language: 'all' }, '/map'],
      [one, '/embeddings/english?conversation_id=9007199254740993', { language: 'english' }, '/c/9007199254740993'],
    ];
    for (const [route, path, params, expected] of cases) {
      const r = await send(route, path, params, { headers: { host: HOST } });
      expect(r.status, path).toBe(308);
      expect(r.headers.get('location'), path).toBe(expected);
    }
  });
});
