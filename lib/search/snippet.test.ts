import { describe, expect, it } from 'vitest';
import { anyWordPrefilter, snippetAround } from './snippet';
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

describe('anyWordPrefilter in DuckDB', () => {
  it('lets through every message snippetAround finds a hit in, in any script and case', async () => {
    const c = await duck();
    const texts = ['the cat', 'THE END', 'a-the-b', 'x.the', 'snake_case here', 'Zebra-Quartz-57!', 'ПРИВЕТ, мир', 'Ölçü', '去北京',
      'gpt-3.5 (turbo)', 'theater', 'none'];
    let through = 0;
    for (const q of ['the', 'snake_case', 'zebra-quartz-57', '"zebra quartz"', 'привет', 'ölçü', '北京', 'gpt-3.5', 'the cat', '(turbo)']) {
      for (const t of texts) {
        const m = (await c.one<{ m: boolean }>(`SELECT regexp_matches($1, $2, 'i') AS m`, [t, anyWordPrefilter(q)!]))!.m;
        if (snippetAround(t, q) !== null) {
          expect(m, `${q} in ${t}`).toBe(true);
          through++;
        }
      }
    }
    expect(through).toBeGreaterThan(10);
    expect(anyWordPrefilter('-only "-"')).toBeNull();
  });
});
