import { describe, expect, it } from 'vitest';
import { barPercent, detoxifyRows, formatScore, openaiRows, strongest, tone } from './moderation-view';

const openai = (scores: Record<string, number>, flagged: string[] = []) =>
  Object.fromEntries(
    [
      'harassment',
      'harassment/threatening',
      'hate',
      'hate/threatening',
      'self-harm',
      'self-harm/instructions',
      'self-harm/intent',
      'sexual',
      'sexual/minors',
      'violence',
      'violence/graphic',
    ].map((c) => [c, { score: scores[c] ?? 0.001, flagged: flagged.includes(c) }]),
  );

describe('moderation view', () => {
  it('answers null for unscored messages, never zeros', () => {
    expect(openaiRows({ flagged: null, openai: null, detoxify: null })).toBeNull();
    expect(detoxifyRows({ flagged: null, openai: null, detoxify: null })).toBeNull();
  });

  it('lists the 11 categories in order and finds the strongest, flagged first', () => {
    const rows = openaiRows({ flagged: true, openai: openai({ violence: 0.4, sexual: 0.9 }, ['violence']), detoxify: null })!;
    expect(rows).toHaveLength(11);
    expect(rows[0]?.name).toBe('harassment');
    expect(strongest(rows)).toMatchObject({ name: 'violence', flagged: true });
    expect(strongest(rows.map((r) => ({ ...r, flagged: false })))).toMatchObject({ name: 'sexual', score: 0.9 });
    expect(strongest([{ name: 'x', score: null, flagged: false }])).toBeNull();
  });

  it('lists Detoxify keys', () => {
    const rows = detoxifyRows({ flagged: false, openai: null, detoxify: { toxicity: 0.7, insult: null } })!;
    expect(rows.map((r) => r.name)).toEqual([
      'identity_attack',
      'insult',
      'obscene',
      'severe_toxicity',
      'sexual_explicit',
      'threat',
      'toxicity',
    ]);
    expect(rows.find((r) => r.name === 'toxicity')!.score).toBe(0.7);
    expect(rows.find((r) => r.name === 'insult')!.score).toBeNull();
  });

  it('grades, sizes and formats scores', () => {
    expect(tone({ name: 'a', score: 0.01, flagged: true })).toBe('flagged');
    expect(tone({ name: 'a', score: 0.6, flagged: false })).toBe('high');
    expect(tone({ name: 'a', score: 0.2, flagged: false })).toBe('medium');
    expect(tone({ name: 'a', score: 0.01, flagged: false })).toBe('low');
    expect(tone({ name: 'a', score: null, flagged: false })).toBe('none');
    expect(barPercent(null)).toBe(0);
    expect(barPercent(0)).toBe(0);
    expect(barPercent(0.001)).toBe(2);
    expect(barPercent(0.456)).toBe(46);
    expect(barPercent(1.5)).toBe(100);
    expect(formatScore(0.123456)).toBe('0.1235');
    expect(formatScore(0.00001234)).toBe('1.2e-5');
    expect(formatScore(0)).toBe('0.0000');
    expect(formatScore(null)).toBe('—');
  });
});
