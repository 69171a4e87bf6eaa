import { describe, expect, it } from 'vitest';
import { LEAD_COLUMNS, snippetAround, snippetFinder } from './snippet';

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

  // The results column is about 44 columns wide (312 px of 14 px text, a wide character two columns):
  // a lead-in within the budget leaves the hit on the first of the two lines it shows.
  const width = (s: string) =>
    [...s].reduce(
      (w, ch) =>
        w + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u.test(ch) ? 2 : 1),
      0,
    );
  const leadIn = (s: string, hit: string) => s.slice(0, s.indexOf(hit)).replace(/^… /, '');

  it('keeps a lead-in of wide characters short enough for the hit to be on the first line', () => {
    const text = `${'我们今天讨论了很多关于人工智能的问题，'.repeat(8)}北京大学${'然后我们去吃饭了。'.repeat(20)}`;
    const s = snippetAround(text, '北京大学')!;
    expect(s.startsWith('… ')).toBe(true);
    expect(width(leadIn(s, '北京大学'))).toBeGreaterThan(0);
    expect(width(leadIn(s, '北京大学'))).toBeLessThanOrEqual(LEAD_COLUMNS);
    expect(LEAD_COLUMNS + width('… 北京大学')).toBeLessThanOrEqual(44);
    const korean = snippetAround(`${'우리는 오늘 많은 이야기를 나눴습니다 '.repeat(8)}서울 ${'그리고 '.repeat(40)}`, '서울')!;
    expect(width(leadIn(korean, '서울'))).toBeLessThanOrEqual(LEAD_COLUMNS);
  });

  it('keeps some context before an English hit, in whole words, within the same budget', () => {
    const s = snippetAround(long, 'zebra-quartz-57')!;
    const lead = leadIn(s, 'Zebra-Quartz-57');
    expect(lead).toMatch(/^(alpha )+the $/);
    expect(width(lead)).toBeLessThanOrEqual(LEAD_COLUMNS);
  });
});
