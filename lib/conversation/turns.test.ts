import { describe, expect, it } from 'vitest';
import { turnInfos } from './turns';

describe('turnInfos', () => {
  it('anchors a WildChat turn at the first message bearing its identifier', () => {
    const infos = turnInfos([
      { role: 'user', turn_identifier: '9007199254740993' },
      { role: 'assistant', turn_identifier: '9007199254740993' },
      { role: 'user', turn_identifier: '12' },
      { role: 'assistant', turn_identifier: '12' },
    ]);
    expect(infos).toEqual([
      { key: '9007199254740993', number: 1, first: true },
      { key: '9007199254740993', number: 1, first: false },
      { key: '12', number: 2, first: true },
      { key: '12', number: 2, first: false },
    ]);
  });

  it('gives a reply with its own identifier its own anchor, in the same turn', () => {
    const infos = turnInfos([
      { role: 'user', turn_identifier: '10' },
      { role: 'assistant', turn_identifier: '13' },
      { role: 'user', turn_identifier: '17' },
    ]);
    expect(infos).toEqual([
      { key: '10', number: 1, first: true },
      { key: '13', number: 1, first: true },
      { key: '17', number: 2, first: true },
    ]);
  });

  it('numbers LMSYS turns from 1', () => {
    const infos = turnInfos([
      { role: 'user', turn_identifier: null },
      { role: 'assistant', turn_identifier: null },
      { role: 'user', turn_identifier: null },
      { role: 'assistant', turn_identifier: null },
    ]);
    expect(infos.map((t) => [t.key, t.first])).toEqual([
      ['1', true],
      ['1', false],
      ['2', true],
      ['2', false],
    ]);
  });
});
