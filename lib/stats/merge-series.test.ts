import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSeries, type Series } from './merge-series';

const bins = (name: string, points: [number, number][]): Series<number> => ({
  name,
  points: points.map(([key, count]) => ({ key, count })),
});

describe('mergeSeries', () => {
  it('lines up series whose bins start at different edges by lower edge, a missing bin as 0', () => {
    // Message lengths: user messages from empty ([0, 1)) to 32 characters, assistant ones from 256 to 16K, with a gap at 1K.
    const user = bins('user', [
      [0, 3],
      [1, 5],
      [2, 7],
      [4, 11],
      [8, 13],
      [16, 17],
      [32, 19],
    ]);
    const assistant = bins('assistant', [
      [256, 23],
      [512, 29],
      [2048, 31],
      [4096, 37],
      [8192, 41],
      [16384, 43],
    ]);
    const rows = mergeSeries([user, assistant]);
    expect(rows.map((r) => r.key)).toEqual([0, 1, 2, 4, 8, 16, 32, 256, 512, 2048, 4096, 8192, 16384]);
    const at = (key: number) => rows.find((r) => r.key === key)?.counts;
    expect(at(256)).toEqual({ user: 0, assistant: 23 });
    expect(at(1)).toEqual({ user: 5, assistant: 0 });
    expect(at(32)).toEqual({ user: 19, assistant: 0 });
    expect(at(16384)).toEqual({ user: 0, assistant: 43 });
    // The order of the series does not move any count.
    expect(mergeSeries([assistant, user])).toEqual(rows);
  });

  it('gives exactly the keys of a given order, in that order, zeros where no series has one', () => {
    // A stack of top languages over top countries: Taiwan is not among them, Japan has no cell.
    const english = {
      name: 'English',
      points: [
        { key: 'China', count: 2 },
        { key: 'United States', count: 9 },
      ],
    };
    const chinese = {
      name: 'Chinese',
      points: [
        { key: 'China', count: 8 },
        { key: 'Taiwan', count: 4 },
      ],
    };
    expect(mergeSeries([english, chinese], ['United States', 'Japan', 'China'])).toEqual([
      { key: 'United States', counts: { English: 9, Chinese: 0 } },
      { key: 'Japan', counts: { English: 0, Chinese: 0 } },
      { key: 'China', counts: { English: 2, Chinese: 8 } },
    ]);
    // Length bins with a gap between the roles: the bins in between are there, empty.
    const rows = mergeSeries(
      [
        bins('user', [
          [1, 2],
          [2, 3],
        ]),
        bins('assistant', [
          [16, 5],
          [8, 7],
        ]),
      ],
      [1, 2, 4, 8, 16],
    );
    expect(rows.map((r) => [r.key, r.counts.user, r.counts.assistant])).toEqual([
      [1, 2, 0],
      [2, 3, 0],
      [4, 0, 0],
      [8, 0, 7],
      [16, 0, 5],
    ]);
  });

  it('puts every count at its own key and nowhere else, whatever the series', () => {
    const series = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 })
      .chain((names) =>
        fc.tuple(
          ...names.map((name) =>
            fc
              .uniqueArray(fc.record({ key: fc.integer({ min: 0, max: 40 }), count: fc.nat() }), { selector: (p) => p.key, maxLength: 12 })
              .map((points) => ({ name, points })),
          ),
        ),
      );
    fc.assert(
      fc.property(series, (list) => {
        const rows = mergeSeries(list);
        const keys = rows.map((r) => r.key);
        expect(keys).toEqual([...new Set(list.flatMap((s) => s.points.map((p) => p.key)))].sort((a, b) => a - b));
        for (const row of rows) {
          for (const s of list) expect(row.counts[s.name]).toBe(s.points.find((p) => p.key === row.key)?.count ?? 0);
        }
      }),
    );
  });
});
