import { describe as group, expect, it } from 'vitest';
import { describe, describeParams } from './describe';

const p = (s: string) => new URLSearchParams(s);

group('describe', () => {
  it('says the count alone without filters', () => {
    expect(describe(3000, p(''))).toBe('3,000 conversations');
    expect(describe(1, p('sort=oldest&limit=25&offset=50'))).toBe('1 conversation');
  });
  it('reads like the product example', () => {
    expect(describe(1204, p('language=Russian&country=Germany&from=2023-09-01&q=essay'))).toBe(
      '1,204 conversations in Russian from Germany since 2023-09-01 containing “essay”',
    );
  });
  it('joins repeated values with or, and says what is excluded', () => {
    expect(describeParams(p('language=Russian&language=Chinese&language=French&not_country=China'))).toBe(
      'in Russian, Chinese or French not from China',
    );
  });
  it('covers turns, dates, marks, moderation and role', () => {
    expect(describeParams(p('turns_min=3&turns_max=5'))).toBe('with 3–5 turns');
    expect(describeParams(p('turns_min=1&turns_max=1'))).toBe('with 1 turn');
    expect(describeParams(p('turns_min=21'))).toBe('with at least 21 turns');
    expect(describeParams(p('from=2023-05-01&to=2023-06-01'))).toBe('from 2023-05-01 to 2023-06-01');
    expect(describeParams(p('to=2023-06-01'))).toBe('until 2023-06-01');
    expect(describeParams(p('toxic=true&redacted=false'))).toBe('marked toxic and not redacted');
    expect(describeParams(p('flagged=hate&flagged=self-harm/intent'))).toBe('flagged for hate or self-harm/intent');
    expect(describeParams(p('flagged=any'))).toBe('flagged by moderation');
    expect(describeParams(p('min_self_harm_intent=0.3'))).toBe('with self-harm/intent score ≥ 0.3');
    expect(describeParams(p('q=hello&role=user'))).toBe('containing “hello” in user messages');
  });
  it('shortens hashes and ignores empty values', () => {
    expect(describeParams(p('hashed_ip=0123456789abcdef&language=&from='))).toBe('by user 0123456789…');
  });
});
