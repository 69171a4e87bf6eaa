import { describe as group, expect, it } from 'vitest';
import { describe, formatSize, formatTime } from './format';

group('format', () => {
  it('formats times in UTC and sizes', () => {
    expect(formatTime('2023-05-01T12:34:56.123Z')).toBe('2023-05-01 12:34:56 UTC');
    expect(formatTime(null)).toBeNull();
    expect(formatSize(999)).toBe('999 characters');
    expect(formatSize(312_400)).toBe('312k characters');
  });

  it('describes a conversation by its first non-empty user message', () => {
    expect(describe([{ role: 'user', content: '  ' }, { role: 'assistant', content: 'hi' }, { role: 'user', content: 'Write\n a  poem' }])).toBe('Write a poem');
    expect(describe([{ role: 'user', content: 'x'.repeat(300) }])).toHaveLength(200);
    expect(describe([])).toBeUndefined();
  });
});
