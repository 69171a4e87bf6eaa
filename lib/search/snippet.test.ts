import { describe, expect, it } from 'vitest';
import { anyWordLikes, anyWordPattern, snippetAround } from './snippet';
import { duck } from '@/test/duck';

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
});

describe('anyWordPattern in DuckDB', () => {
  it('finds the same messages as the snippet does', async () => {
    const c = await duck();
    const texts = ['the cat', 'theater', 'THE END', 'a-the-b', '去北京', 'other', 'x.the'];
    for (const q of ['the', '北京', 'the 北京']) {
      const pattern = anyWordPattern(q)!;
      for (const t of texts) {
        const row = await c.one<{ m: boolean }>(`SELECT regexp_matches($1, $2, 'i') AS m`, [t, pattern]);
        expect(row!.m, `${q} in ${t}`).toBe(snippetAround(t, q) !== null);
      }
    }
  });

  it('prefilters with LIKE patterns every message the pattern matches also satisfies once lower-cased', async () => {
    const c = await duck();
    const texts = ['the cat', 'THE END', 'a-the-b', 'snake_case here', 'snakeXcase', 'Zebra-Quartz-57!', 'zebra quartz 57', '50% off', '50 off', 'none'];
    for (const q of ['the', 'snake_case', 'zebra-quartz-57', '"zebra quartz"', '50%', 'the cat']) {
      const likes = anyWordLikes(q)!;
      for (const t of texts) {
        const re = (await c.one<{ m: boolean }>(`SELECT regexp_matches($1, $2, 'i') AS m`, [t, anyWordPattern(q)!]))!.m;
        let like = false;
        for (const p of likes) like ||= (await c.one<{ m: boolean }>(`SELECT lower($1) LIKE $2 ESCAPE '\\' AS m`, [t, p]))!.m;
        if (re) expect(like, `${q} in ${t}`).toBe(true);
      }
    }
    expect(anyWordLikes('snake_case')).toEqual(['%snake\\_case%']);
    expect(anyWordLikes('北京')).toBeNull();
    expect(anyWordLikes('привет the')).toBeNull();
  });
});
