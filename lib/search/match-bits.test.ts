// The bits of many matches read in JavaScript must say what DuckDB's get_bit says of the same BIT
// string, whatever its padding (row counts that are and are not multiples of 8).
import { describe, expect, it } from 'vitest';
import { rng } from '@/lib/bench/mix';
import { duck } from '@/test/duck';
import { MatchBits } from './match-bits';

describe('MatchBits', () => {
  it('holds the row numbers bitstring_agg set, as get_bit reads them, for every padding', async () => {
    const d = await duck();
    const r = rng(3);
    for (const rows of [1, 7, 8, 9, 64, 1001, 4099]) {
      const set = [...new Set(Array.from({ length: Math.ceil(rows / 3) }, () => Math.floor(r() * rows)))].sort((a, b) => a - b);
      // The last row number always, the first sometimes: the ends are where padding would show.
      if (!set.includes(rows - 1)) set.push(rows - 1);
      const values = set.map((v) => `(${v})`).join(', ');
      const agg = `(SELECT bitstring_agg(v, 0::UINTEGER, ${rows - 1}::UINTEGER) FROM (VALUES ${values}) t(v))`;
      const bits = new MatchBits((await d.bitString(`SELECT ${agg} AS b`))!);
      const want = (await d.all<{ i: number }>(`SELECT i FROM range(${rows}) t(i) WHERE get_bit(${agg}, i::INTEGER) = 1 ORDER BY i`)).map(
        (x) => Number(x.i),
      );
      const seen: number[] = [];
      bits.forEach((conv) => seen.push(conv));
      expect(seen, `${rows} rows`).toEqual(want);
      expect(bits.length).toBe(rows);
      expect(
        Array.from({ length: rows }, (_, i) => i).filter((i) => bits.has(i)),
        `${rows} rows`,
      ).toEqual(want);
    }
  });

  it('holds nothing of an empty set', async () => {
    const d = await duck();
    const bits = new MatchBits((await d.bitString(`SELECT bitstring('0000000000', 10) AS b`))!);
    const seen: number[] = [];
    bits.forEach((conv) => seen.push(conv));
    expect(seen).toEqual([]);
    expect(bits.has(0) || bits.has(9)).toBe(false);
  });
});
