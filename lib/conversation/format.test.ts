import { describe, expect, it } from 'vitest';
import { formatSize, formatTime, previewDescription } from './format';

describe('format', () => {
  it('formats times in UTC and sizes', () => {
    expect(formatTime('2023-05-01T12:34:56.123Z')).toBe('2023-05-01 12:34:56 UTC');
    expect(formatTime(null)).toBeNull();
    expect(formatSize(999)).toBe('999 characters');
    expect(formatSize(312_400)).toBe('312k characters');
  });

  it('describes a conversation by its first non-empty user message', () => {
    expect(
      previewDescription([
        { role: 'user', content: '  ' },
        { role: 'assistant', content: 'hi' },
        { role: 'user', content: 'Write\n a  poem' },
      ]),
    ).toBe('Write a poem');
    expect(previewDescription([{ role: 'user', content: 'x'.repeat(300) }])).toHaveLength(200);
    expect(previewDescription([])).toBeUndefined();
  });
});
