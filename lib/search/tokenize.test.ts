import { describe, expect, it } from 'vitest';
import { searchForm } from './script';
import { forEachTerm, hashString, normalizeText, termId, tokens, tokenTerms } from './tokenize';

const terms = (s: string) => {
  const out: string[] = [];
  forEachTerm(s, (hi, lo) => out.push(((BigInt(hi) << 32n) | BigInt(lo)).toString()));
  return out;
};

describe('tokenizer', () => {
  it('folds case and splits on anything but letters, digits and underscore', () => {
    expect(terms('Hello, WORLD snake_case x86_64')).toEqual(['hello', 'world', 'snake_case', 'x86_64'].map(termId));
    expect(terms('Привет мир')).toEqual(['привет', 'мир'].map(termId));
    expect(terms('zebra-quartz-57')).toEqual(['zebra', 'quartz', '57'].map(termId));
  });

  it('indexes Chinese and Japanese as unigrams and bigrams', () => {
    expect(terms('人工智能')).toEqual(['人', '人工', '工', '工智', '智', '智能', '能'].map(termId));
    expect(tokenTerms(tokens('人工智能')[0]!)).toEqual(['人工', '工智', '智能']);
    expect(tokenTerms(tokens('人')[0]!)).toEqual(['人']);
  });

  it('hashes ASCII without allocating the same as after lower-casing', () => {
    expect(hashString('MiXeD', 0, 5, true)).toEqual(hashString('mixed'));
    expect(hashString('abc')).not.toEqual(hashString('abd'));
  });
});

describe('tokenizer in scripts with combining marks and without spaces', () => {
  const words = (s: string) => tokens(s).map((t) => t.text);

  it('keeps combining marks in their word (Devanagari, Bengali, Tamil, Telugu, Hebrew with niqqud)', () => {
    expect(words('मैं नहीं जानता।')).toEqual(['मैं', 'नहीं', 'जानता']);
    expect(terms('नहीं')).toEqual([termId('नहीं')]);
    expect(terms('नहीं')).not.toContain(termId('नह'));
    expect(words('আমি বাংলা ভাষা')).toEqual(['আমি', 'বাংলা', 'ভাষা']);
    expect(words('தமிழ் மொழி')).toEqual(['தமிழ்', 'மொழி']);
    expect(words('తెలుగు భాష')).toEqual(['తెలుగు', 'భాష']);
    expect(words('שָׁלוֹם עוֹלָם')).toEqual(['שָׁלוֹם', 'עוֹלָם']);
  });

  it('reads a mark with no word before it as a separator', () => {
    expect(terms('\u2764\ufe0f love \u0301x')).toEqual(['love', 'x'].map(termId));
  });

  it('normalises to NFC, so composed and decomposed spellings are one term', () => {
    expect(terms('cafe\u0301 Cafe\u0301')).toEqual(['café', 'café'].map(termId));
    expect(terms('か\u3099っこう')).toEqual(terms('がっこう'));
  });

  it('folds Arabic harakat and tatweel', () => {
    expect(terms('مُحَمَّد')).toEqual([termId('محمد')]);
    expect(terms('محـــمد')).toEqual([termId('محمد')]);
    expect(words('قال مُحَمَّدٌ: السَّلامُ عَلَيْكُم')).toEqual(['قال', 'محمد', 'السلام', 'عليكم']);
  });

  it('indexes Thai, Lao, Khmer and Myanmar as character sequences, like Chinese', () => {
    expect(tokens('ภาษาไทย')).toEqual([{ text: 'ภาษาไทย', cjk: true }]);
    expect(terms('ไทย')).toEqual(['ไ', 'ไท', 'ท', 'ทย', 'ย'].map(termId));
    expect(terms('สวัสดี')).toContain(termId('วั'));
    for (const s of ['ພາສາລາວ', 'ភាសាខ្មែរ', 'မြန်မာစာ'])
      expect(tokens(`${s} ok`)).toEqual([
        { text: s, cjk: true },
        { text: 'ok', cjk: false },
      ]);
  });

  it('leaves the other scripts as they were', () => {
    expect(words('Hello, Привет 北京大学 zebra-quartz-57 ひらがなカタカナ')).toEqual([
      'hello',
      'привет',
      '北京大学',
      'zebra',
      'quartz',
      '57',
      'ひらがなカタカナ',
    ]);
  });

  it('gives a text the terms of its searched form, wherever in it the first change is', () => {
    const texts = [
      'plain ascii',
      'café cafe\u0301',
      'x\u0301',
      'a=\u0338b',
      'و\u0640\u0654',
      'مُحَمَّد محمد',
      '中文\uf900字',
      'ป\u0e48\u0e38ม ok',
      'मैं नहीं',
      'hello \u2764\ufe0f',
      'emoji 🙂\u0301 x',
      '\u212aelvin',
      'tab\u0340',
      '𝐀\u0301 b',
      'か\u3099',
      'ok; \u037e;',
    ];
    for (const t of texts) {
      for (const pre of ['', 'hello world ', '北京 ', 'नमस्ते ']) {
        const s = pre + t;
        expect(terms(s), JSON.stringify(s)).toEqual(terms(searchForm(s)));
        expect(normalizeText(s), JSON.stringify(s)).toBe(searchForm(s));
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }
    }
  });

  it('lets emoji pass untouched: nothing in U+1F000-U+1FBFF changes in NFC or combines', () => {
    for (let cp = 0x1f000; cp <= 0x1fbff; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const s of [ch, `q\u0301${ch}`, `q${ch}\u0334`, `a${ch}`]) expect(s.normalize('NFC')).toBe(s);
    }
  });
});
