import { describe, expect, it } from 'vitest';
import { isConversationId, isTurnIdentifier, MAX_ID_LENGTH } from './ids';

describe('identifiers', () => {
  it('takes WildChat ids, LMSYS hex and ids of any other printable shape as conversation ids', () => {
    for (const id of [
      '1',
      '9007199254740993',
      'a'.repeat(32),
      'lmsys/odd id é 100%',
      'c0123456789abcdef0123-2',
      '对话-1',
      'x'.repeat(MAX_ID_LENGTH),
    ]) {
      expect(isConversationId(id), id).toBe(true);
    }
  });

  it('refuses what cannot be an id: empty, too long, control characters, lone surrogates, padded', () => {
    for (const id of ['', 'x'.repeat(MAX_ID_LENGTH + 1), 'a\u0000b', 'a\nb', 'a\ud800', ' 12', '12 ']) {
      expect(isConversationId(id), JSON.stringify(id)).toBe(false);
    }
  });

  it('takes turn identifiers as int64 in decimal only', () => {
    expect(isTurnIdentifier('9223372036854775807')).toBe(true);
    for (const t of ['9223372036854775808', '-1', '1e3', 'abc', '']) expect(isTurnIdentifier(t), t).toBe(false);
  });
});
