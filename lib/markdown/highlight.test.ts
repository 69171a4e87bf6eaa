import { describe, expect, it } from 'vitest';
import { highlightWords } from '../search/query';
import { highlightPattern, splitHighlights } from './highlight';

const hits = (text: string, q: string) =>
  splitHighlights(text, highlightPattern(highlightWords(q)))
    .filter((p) => p.hit)
    .map((p) => p.text);

describe('highlighting in scripts with combining marks and without spaces', () => {
  it('marks a whole Devanagari word, and not a fragment of it', () => {
    expect(hits('मैं नहीं जानता', 'नहीं')).toEqual(['नहीं']);
    expect(hits('मैं नहीं जानता', 'नह')).toEqual([]);
  });

  it('marks Arabic with or without harakat and tatweel, whichever the query has', () => {
    expect(hits('قال مُحَمَّدٌ و محمد و محـمد', 'محمد')).toEqual(['مُحَمَّدٌ', 'محمد', 'محـمد']);
    expect(hits('اسمي محمد', 'مُحَمَّد')).toEqual(['محمد']);
  });

  it('marks a Thai sequence anywhere, and composed letters in decomposed text', () => {
    expect(hits('ฉันพูดภาษาไทยได้', 'ไทย')).toEqual(['ไทย']);
    expect(hits('un cafe\u0301 noir', 'café')).toEqual(['cafe\u0301']);
  });

  it('marks English, hyphenated words and Chinese as before', () => {
    expect(hits('The theater: the Zebra-Quartz-57, 北京大学', 'the zebra-quartz-57 北京')).toEqual([
      'The',
      'the',
      'Zebra-Quartz-57',
      '北京',
    ]);
  });
});
