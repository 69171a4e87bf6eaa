import { describe, expect, it } from 'vitest';
import { forEachTerm, hashString, termId, tokens, tokenTerms } from './tokenize';

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
    expect(tokenTerms(tokens('人工智能')[0])).toEqual(['人工', '工智', '智能']);
    expect(tokenTerms(tokens('人')[0])).toEqual(['人']);
  });

  it('hashes ASCII without allocating the same as after lower-casing', () => {
    expect(hashString('MiXeD', 0, 5, true)).toEqual(hashString('mixed'));
    expect(hashString('abc')).not.toEqual(hashString('abd'));
  });
});
