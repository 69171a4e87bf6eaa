import { describe, expect, it } from 'vitest';
import { snippetAround, snippetFinder } from './snippet';

describe('snippetAround', () => {
  const long = `${'alpha '.repeat(40)}the Zebra-Quartz-57 token ${'omega '.repeat(60)}`;

  it('cuts a window around the first hit, with ellipses on cut sides', () => {
    const s = snippetAround(long, 'zebra-quartz-57')!;
    expect(s).toContain('Zebra-Quartz-57');
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s.length).toBeLessThan(300);
    expect(s).not.toMatch(/ {2}/);
  });

  it('keeps words whole and starts at the text when the hit is near its start', () => {
    const s = snippetAround('Привет, мир! Как дела?\n\nВсё хорошо.', 'мир')!;
    expect(s).toBe('Привет, мир! Как дела? Всё хорошо.');
    for (const w of snippetAround(long, 'token')!.replace(/…/g, '').trim().split(' ')) {
      expect(['alpha', 'the', 'Zebra-Quartz-57', 'token', 'omega']).toContain(w);
    }
  });

  it('matches whole words only, and CJK anywhere', () => {
    expect(snippetAround('theater tonight', 'the')).toBeNull();
    expect(snippetAround('我们今天去北京旅游', '北京')).toContain('北京');
    expect(snippetAround('nothing here', '"-"')).toBeNull();
  });

  it('finds the same window with one pattern for many messages', () => {
    const find = snippetFinder('quartz');
    expect(find('no hit')).toBeNull();
    expect(find(long)).toBe(snippetAround(long, 'quartz'));
    expect(find('Quartz first')).toBe('Quartz first');
  });
});
