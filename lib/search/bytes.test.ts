import { describe, expect, it } from 'vitest';
import { byteTest, MAYBE, NO, YES } from './bytes';
import { checkMatcher, parseQuery } from './query';

const checkOf = (q: string) => {
  const check = parseQuery(q).checks[0];
  expect(check, q).toBeDefined();
  return check!;
};

/** Random texts built from pieces that exercise case, separators, word edges and the letters that fold from outside ASCII. */
function texts(words: string[], seed: number, n: number, sequence = words): string[] {
  let x = seed;
  const r = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const seps = [' ', '  ', ', ', '-', '\u00a0', '\u3001', '\n', '_', '', 'é', '\u212a', '\u017f', '—'];
  const variants = (w: string) => [
    w,
    w.toUpperCase(),
    w[0]!.toUpperCase() + w.slice(1),
    w.replace(/k/g, '\u212a'),
    w.replace(/s/g, '\u017f'),
    [...w].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(''),
    w.slice(1),
    `${w}x`,
    `é${w}`,
    `${w}é`,
    `${w}1`,
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let j = 0, len = 1 + Math.floor(r() * 8); j < len; j++) {
      const roll = r();
      if (roll < 0.15) parts.push(sequence.map((w) => pick(variants(w))).join(pick(seps)));
      else parts.push(roll < 0.7 ? pick(variants(pick(words))) : pick(['the', 'über', 'ключ', '中文', '42']));
      parts.push(pick(seps));
    }
    out.push(parts.join(''));
  }
  return out;
}

const bytesOf = (t: string) => {
  // The message sits inside a larger buffer, as in the text store's windows.
  const pad = Buffer.from('kiss ');
  const b = Buffer.concat([pad, Buffer.from(t, 'utf8'), pad]);
  return { b, start: pad.length, end: pad.length + Buffer.byteLength(t) };
};

describe('byte tests of search checks', () => {
  const cases = [
    '"kiss sky"',
    '"skies ask"',
    '"the sky is"',
    'state-of-the-art',
    '"a_1 b2"',
    '"sk k s"',
    '"Ask 2"',
    '"desk bed"',
    '"bus zoo"',
  ];
  for (const q of cases) {
    it(`never reject a message that ${q} matches, and reject most that it does not`, () => {
      const check = checkOf(q);
      const test = byteTest(check)!;
      expect(test).toBeDefined();
      const matches = checkMatcher(check);
      const words = check.sequence!;
      const tally = { matched: 0, rejected: 0, sure: 0, maybe: 0 };
      for (const t of texts([...words, ...words.flatMap((w) => w.split('-'))], q.length * 7919, 4000, words)) {
        const { b, start, end } = bytesOf(t);
        const verdict = test(b, start, end);
        expect([NO, MAYBE, YES]).toContain(verdict);
        if (matches(t)) {
          tally.matched++;
          expect(verdict, JSON.stringify(t)).not.toBe(NO);
        } else {
          expect(verdict, JSON.stringify(t)).not.toBe(YES);
          if (verdict === NO) tally.rejected++;
        }
        if (verdict === YES) tally.sure++;
        if (verdict === MAYBE) tally.maybe++;
      }
      expect(tally.matched).toBeGreaterThan(100);
      expect(tally.rejected).toBeGreaterThan(1000);
      // Both verdicts short of NO occur: matches settled on the bytes, and texts left to the check.
      expect(tally.sure).toBeGreaterThan(10);
      expect(tally.maybe).toBeGreaterThan(10);
    });
  }

  for (const q of ['"bus zoo"', '"sk k s"', '"write poem about"']) {
    it(`stay exact for ${q} whichever piece the first messages' letters make it look for`, () => {
      const check = checkOf(q);
      const words = check.sequence!;
      const matches = checkMatcher(check);
      for (const [p, word] of words.entries()) {
        const test = byteTest(check)!;
        // First messages (over 256 KB) full of the other pieces' first letters: this piece's is rarest.
        const others = words.filter((_, i) => i !== p && words[i]![0] !== word[0]).map((w) => w[0]);
        const filler = Buffer.from(`${(others.length ? others.join(' ') : 'x').repeat(8)} `.repeat(4000));
        expect(test(filler, 0, filler.length)).toBe(NO);
        const seen = new Set<number>();
        for (const t of texts(words, 31 * (p + 1), 2000)) {
          const { b, start, end } = bytesOf(t);
          const verdict = test(b, start, end);
          seen.add(verdict);
          expect(verdict, JSON.stringify(t)).not.toBe(matches(t) ? NO : YES);
        }
        expect([...seen].sort()).toEqual([NO, MAYBE, YES]);
      }
    });
  }

  it('are exact for a run of Chinese text', () => {
    const check = checkOf('中文字符');
    const test = byteTest(check)!;
    const seen = new Set<boolean>();
    for (const t of [...texts(['中文', '字符', '中', '文字'], 17, 2000, ['中文字符']), '']) {
      const { b, start, end } = bytesOf(t);
      const expected = checkMatcher(check)(t);
      seen.add(expected);
      expect(test(b, start, end), t).toBe(expected ? YES : NO);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('do not read past the message', () => {
    const test = byteTest(checkOf('"kiss sky"'))!;
    const b = Buffer.from('kiss skyline kiss sky');
    expect(test(b, 0, 12)).toBe(NO);
    expect(test(b, 0, 11)).toBe(NO);
    expect(test(b, 0, 8)).toBe(YES);
    expect(test(b, 13, b.length)).toBe(YES);
  });

  it('leave phrases with words outside ASCII to the text test', () => {
    expect(byteTest(checkOf('"über alles"'))).toBeUndefined();
    expect(byteTest(checkOf('"ключ слово"'))).toBeUndefined();
  });
});

describe('byte tests in scripts that normalisation and folding change', () => {
  /** The check accepts `yes` and rejects `no`, and its byte test never says otherwise (MAYBE leaves a message to it). */
  const agree = (q: string, yes: string[], no: string[]) => {
    const check = checkOf(q);
    const test = byteTest(check);
    const matches = checkMatcher(check);
    for (const [ts, want] of [
      [yes, true],
      [no, false],
    ] as const) {
      for (const t of ts) {
        expect(matches(t), `${q} in ${JSON.stringify(t)}`).toBe(want);
        if (!test) continue;
        const { b, start, end } = bytesOf(t);
        expect(test(b, start, end), `${q} in ${JSON.stringify(t)}, bytes`).not.toBe(want ? NO : YES);
      }
    }
  };

  it('agree with the text test on decomposed kana and compatibility ideographs', () => {
    expect(byteTest(checkOf('がっこう'))).toBeDefined();
    agree('がっこう', ['がっこう', 'か\u3099っこう'], ['かっこう', 'がっこ', 'がっこう\u3099'.replace('う', 'ぅ')]);
    agree('豈不是', ['豈不是', '\uf900不是'], ['豈不', '是豈不']);
  });

  it('agree with the text test on Thai written with its marks in either order', () => {
    // Sara U (ccc 103) and a tone mark (ccc 107): NFC puts the vowel first.
    agree('ปุ่ม', ['กดปุ่มนี้', 'กดป\u0e48\u0e38มนี้'], ['กดปมนี้', 'ปุ']);
  });

  it('agree with the text test when harakat or tatweel sit inside the words', () => {
    agree('"kiss sky"', ['ki\u064bss sky', 'kiss s\u0640ky', 'kiss sky'], ['kissy sky', 'ki\u064bssy sky']);
    agree('中文字符', ['中\u064b文字符', '中文\u0640字符', '中文字符'], ['中文字', '中文']);
  });
});
