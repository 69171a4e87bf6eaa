import { describe, expect, it } from 'vitest';
import { pickPhrases, pickWords, vocabulary } from './peer';

describe("the SQLite peer's vocabulary", () => {
  it('counts conversations, not messages, holding each plain word and run of words', () => {
    const v = vocabulary([['Hello world, hello.', 'hello world again'], ['HELLO there'], ['nothing here']]);
    expect(v.sampled).toBe(3);
    expect(v.words.get('hello')).toBe(2);
    expect(v.words.get('world')).toBe(1);
    expect(v.runs.get('hello world')).toBe(1);
    expect(v.runs.get('hello world again')).toBe(1);
    expect(v.words.has('hi')).toBe(false); // shorter than three letters
  });

  it('marks words and runs the two tokenizers split differently', () => {
    const v = vocabulary([['un café', 'the user_id here', 'abc中文 text'], ['cafe latte user data abc']]);
    expect(v.differ).toContain('cafe'); // unicode61 removes the accent
    expect(v.differ).toContain('user'); // unicode61 splits at the underscore
    expect(v.differ).toContain('abc'); // unicode61 runs it into the Han characters
    expect(v.differ).toContain('the user'); // and so finds a run Wildscope does not
    expect(v.differ).not.toContain('latte');
    expect(v.differ).not.toContain('cafe latte'); // written plainly, both agree
    expect(v.words.has('user')).toBe(true); // Wildscope's own count is still kept
  });
});

describe("picking the peer's questions", () => {
  // At 8,380 conversations the classes aim at 3, 30, 400 and 3,000 conversations.
  const sample = (words: [string, number][]) => ({
    sampled: 100,
    words: new Map(words),
    runs: new Map<string, number>(),
    differ: new Set<string>(),
  });

  it('keeps the candidates whose totals are nearest each class, each word once', async () => {
    const v = sample([
      ['rare', 1],
      ['scarce', 1],
      ['middle', 1],
      ['modest', 1],
      ['common', 5],
      ['usual', 4],
      ['frequent', 35],
      ['everywhere', 36],
    ]);
    const totals: Record<string, number> = {
      rare: 3,
      scarce: 4,
      middle: 30,
      modest: 35,
      common: 420,
      usual: 380,
      frequent: 2900,
      everywhere: 3100,
    };
    const asked: string[] = [];
    const picked = await pickWords(v, 8_380, async (w) => {
      asked.push(w);
      return totals[w]!;
    });
    const byClass = (cls: string) =>
      picked
        .filter((p) => p.cls === cls)
        .map((p) => p.query)
        .sort();
    expect(byClass('a few hundred')).toEqual(['rare', 'scarce']);
    expect(byClass('a few thousand')).toEqual(['middle', 'modest']);
    expect(byClass('tens of thousands')).toEqual(['common', 'usual']);
    expect(byClass('hundreds of thousands')).toEqual(['everywhere', 'frequent']);
    expect(new Set(picked.map((p) => p.query)).size).toBe(picked.length);
    expect(picked.every((p) => !p.phrase)).toBe(true);
  });

  it('never asks a word the tokenizers disagree on', async () => {
    const v = {
      ...sample([
        ['user', 1],
        ['plain', 1],
      ]),
      differ: new Set(['user']),
    };
    const picked = await pickWords(v, 8_380, async () => 3, 1);
    expect(picked.map((p) => p.query)).not.toContain('user');
    expect(picked.map((p) => p.query)).toContain('plain');
  });

  it('takes phrases of two and three words, leaving out runs the tokenizers disagree on', () => {
    const v = {
      ...sample([]),
      runs: new Map([
        ['of the', 90],
        ['user data', 80],
        ['quiet river', 2],
        ['in the end', 40],
      ]),
      differ: new Set(['user data']),
    };
    const phrases = pickPhrases(v);
    expect(phrases.map((p) => p.query)).toEqual(['of the', 'quiet river', 'in the end']);
    expect(phrases.every((p) => p.phrase && p.cls === 'phrase')).toBe(true);
  });
});
