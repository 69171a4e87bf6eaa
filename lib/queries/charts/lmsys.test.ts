// LMSYS-Chat-1M has no geography, no timestamps and no Detoxify scores: those charts come back
// empty, the rest agree with DuckDB on the Parquet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '@/lib/ingest/build';
import { duck, parquet } from '@/test/duck';
import { LMSYS } from '@/test/fixtures';

const cache = mkdtempSync(join(tmpdir(), 'wildscope-stats-lmsys-'));
let getStats: typeof import('./index').getStats;

beforeAll(async () => {
  await buildIndex({ data: LMSYS.dir, cache });
  process.env.WILDSCOPE_CACHE = cache;
  ({ getStats } = await import('./index'));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('chart aggregates on an LMSYS index', () => {
  it('returns empty geography, time and Detoxify, and counts the rest like DuckDB', async () => {
    const T = parquet(LMSYS.dir);
    const c = await duck();
    for (const filter of [
      { values: {}, not: {}, flagged: [], min: {} },
      { values: {}, not: {}, flagged: [], min: {}, turnsMin: 2 },
    ]) {
      const s = await getStats(filter, { split: 'country', stack: 'language' });
      const where = filter.turnsMin ? `turn >= ${filter.turnsMin}` : 'true';
      const [want] = await c.all<{ n: number; m: number }>(
        `SELECT count(*)::INTEGER n, sum(len(conversation))::INTEGER m FROM ${T} WHERE ${where}`,
      );
      expect(s.total).toBe(want!.n);
      expect(s.messages).toBe(want!.m);
      expect(s.countries).toEqual([{ value: null, count: want!.n, flagged: expect.any(Number) }]);
      expect(s.states).toEqual([]);
      expect(s.language_by_country).toEqual({ languages: expect.any(Array), countries: [], cells: [] });
      expect(s.time.rows).toEqual([]);
      expect(s.moderation.groups).toEqual([]);
      expect(s.moderation.detoxify).toEqual([]);
      const models = await c.all<{ value: string; count: number }>(
        `SELECT model AS value, count(*)::INTEGER AS count FROM ${T} WHERE ${where} GROUP BY 1`,
      );
      expect(s.models.map(({ value, count }) => ({ value, count })).sort((a, b) => a.value!.localeCompare(b.value!))).toEqual(
        models.sort((a, b) => a.value.localeCompare(b.value)),
      );
    }
    const all = await getStats({ values: {}, not: {}, flagged: [], min: {} }, {});
    const [scored] = await c.all<{
      n: number;
      f: number;
    }>(`SELECT count(o.category_scores.violence)::INTEGER n, count(*) FILTER (WHERE o.categories.violence)::INTEGER f
      FROM (SELECT unnest(openai_moderation) o FROM ${T})`);
    expect(all.moderation.categories.find((x) => x.category === 'violence')).toMatchObject({
      group: 'all',
      scored: scored!.n,
      flagged: scored!.f,
    });
    expect(all.moderation.detoxify).toEqual([]);
    expect(all.shape.lengths.every((l) => l.bins.length > 0)).toBe(true);
  });
});
