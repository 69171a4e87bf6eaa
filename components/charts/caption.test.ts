import { describe, expect, it } from 'vitest';
import { chartCaption } from './caption';
import { wrap } from './download';

const parts = { total: 1204, dataset: 'WildChat-1M' };

describe('the caption of a downloaded chart', () => {
  it("says the page's sentence, the filter the chart leaves out and what it counts, and the dataset", () => {
    expect(chartCaption(parts, 'language=Russian&country=Germany&stack=model', { field: 'language', total: 30_512 })).toEqual([
      '1,204 conversations in Russian from Germany.',
      'This chart leaves out the language filter: it counts the 30,512 conversations without it, the chosen values emphasised.',
      'Data: WildChat-1M. Drawn by Wildscope.',
    ]);
    expect(chartCaption({ total: 1, dataset: 'LMSYS-Chat-1M' }, '')).toEqual([
      '1 conversation.',
      'Data: LMSYS-Chat-1M. Drawn by Wildscope.',
    ]);
  });

  it('is laid out in lines that fit the picture, every word kept in order', () => {
    const text = chartCaption(parts, 'q=a+rather+long+search&language=English&not_country=United+States&turns_min=3')[0]!;
    const lines = wrap(text, 300);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor((300 - 16) / 6.5));
    expect(lines.join(' ')).toBe(text);
  });
});
