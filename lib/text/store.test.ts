import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roleCode, TextStore, TextStoreError, TextStoreWriter } from './store';

const dir = mkdtempSync(join(tmpdir(), 'wildscope-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Conversation 1 has no messages; 3 is the last and has one.
const MESSAGES: [number, string | null, string | null][] = [
  [0, 'user', 'Привет, 世界! 🎉'],
  [0, 'assistant', ''],
  [0, 'user', null],
  [0, 'assistant', 'x'.repeat(300_000)], // longer than a read's window
  [0, 'user', `${'y'.repeat(200_000)}é`], // a window of its own
  [0, 'user', 'after the long ones'],
  [2, 'system', 'odd role'],
  [2, 'user', 'café'],
  [3, 'assistant', 'last'],
];

function write(name: string, conversations = 5): { path: string; size: number } {
  const path = join(dir, name);
  const w = new TextStoreWriter(path);
  for (const [conv, role, text] of MESSAGES) w.add(conv, role, text);
  return { path, size: w.finish(conversations) };
}

describe('text store', () => {
  const { path, size } = write('a.bin');
  const store = TextStore.open(path);
  afterAll(() => store.close());

  it('is written under its name only when finished, with the size it reports', () => {
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(statSync(path).size).toBe(size);
  });

  it('reads back every message of every conversation in order, with its role', () => {
    const expected = (conv: number) =>
      MESSAGES.filter((m) => m[0] === conv).map(([, role, text], pos) => ({
        pos,
        role: role === 'user' || role === 'assistant' ? role : 'other',
        text: text ?? '',
      }));
    expect(store.conversations).toBe(5);
    expect(store.messages).toBe(MESSAGES.length);
    for (let conv = 0; conv < 5; conv++) {
      expect(store.read(conv)).toEqual(expected(conv));
      expect(store.count(conv)).toBe(expected(conv).length);
    }
  });

  it('reads a range of positions and one role', () => {
    expect(store.read(0, { from: 1, to: 3 }).map((m) => m.pos)).toEqual([1, 2]);
    expect(store.read(0, { role: 'user' }).map((m) => m.text.slice(0, 20))).toEqual([
      'Привет, 世界! 🎉',
      '',
      'y'.repeat(20),
      'after the long ones',
    ]);
    expect(store.read(2, { role: 'assistant' })).toEqual([]);
    expect(store.read(0, { from: 9 })).toEqual([]);
  });

  it('stops at the first message the callback accepts', () => {
    const seen: number[] = [];
    expect(
      store.some(0, (m) => {
        seen.push(m.pos);
        return m.text === '';
      }),
    ).toBe(true);
    expect(seen).toEqual([0, 1]);
    expect(store.some(2, () => false)).toBe(false);
  });

  it('passes only the messages whose position bit is in the mask, positions counted modulo 8', () => {
    const p = join(dir, 'positions.bin');
    const w = new TextStoreWriter(p);
    for (let i = 0; i < 19; i++) w.add(0, i % 2 ? 'assistant' : 'user', `message ${i}`);
    w.finish(1);
    const s = TextStore.open(p);
    try {
      const seen = (options: Parameters<TextStore['some']>[2]) => {
        const out: string[] = [];
        s.some(
          0,
          (m) => {
            out.push(m.text);
          },
          options,
        );
        return out;
      };
      expect(seen({ positions: 0b10 })).toEqual(['message 1', 'message 9', 'message 17']);
      expect(seen({ positions: 0b10000001, role: 'user' })).toEqual(['message 0', 'message 8', 'message 16']);
      expect(seen({ positions: 0b10000001, from: 7 })).toEqual(['message 7', 'message 8', 'message 15', 'message 16']);
      expect(seen({})).toHaveLength(19);
    } finally {
      s.close();
    }
  });

  it('reads the store again from inside a callback without mixing up the texts', () => {
    const outer: string[] = [];
    store.some(2, (m) => {
      expect(store.read(0, { to: 1 }).map((x) => x.text)).toEqual(['Привет, 世界! 🎉']);
      outer.push(m.text);
    });
    expect(outer).toEqual(['odd role', 'café']);
  });

  it('refuses conversations it does not hold', () => {
    for (const conv of [-1, 5, 1.5, Number.NaN]) expect(() => store.read(conv)).toThrow(TextStoreError);
  });

  it('refuses a damaged or foreign file', () => {
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, readFileSync(path));
    truncateSync(cut, size - 3);
    expect(() => TextStore.open(cut)).toThrow(TextStoreError);
    const foreign = join(dir, 'foreign.bin');
    writeFileSync(foreign, 'not a store at all, but long enough to hold a trailer of sixty-four bytes');
    expect(() => TextStore.open(foreign)).toThrow(/not a Wildscope text store/);
  });

  it('appends segments written apart between messages added one by one, as if added in that order', () => {
    const segment = (name: string, msgs: [number, string, string][]) => {
      const file = join(dir, name);
      const bytes = msgs.map(([, , t]) => Buffer.from(t));
      writeFileSync(file, Buffer.concat(bytes));
      return [
        file,
        Uint32Array.from(msgs.map((m) => m[0])),
        Uint8Array.from(msgs.map((m) => roleCode(m[1]))),
        Uint32Array.from(bytes.map((b) => b.length)),
      ] as const;
    };
    const w = new TextStoreWriter(join(dir, 'seg.bin'));
    w.add(0, 'user', 'first');
    const s1 = segment('s1.part', [
      [0, 'assistant', 'ответ'],
      [2, 'user', '北京'],
      [2, 'system', ''],
    ]);
    w.addSegment(...s1);
    expect(existsSync(s1[0])).toBe(false);
    w.addSegment(...segment('s2.part', [[4, 'user', 'last 🙂']]));
    w.finish(6);
    const t = TextStore.open(join(dir, 'seg.bin'));
    expect([0, 1, 2, 3, 4, 5].map((c) => t.read(c).map((m) => `${m.role}:${m.text}`))).toEqual([
      ['user:first', 'assistant:ответ'],
      [],
      ['user:北京', 'other:'],
      [],
      ['user:last 🙂'],
      [],
    ]);
    t.close();
    // A segment whose bytes do not add up to its messages' lengths is refused.
    const bad = new TextStoreWriter(join(dir, 'bad.bin'));
    const [file, convs, roles, lengths] = segment('s3.part', [[0, 'user', 'abc']]);
    lengths[0] = 4;
    expect(() => bad.addSegment(file, convs, roles, lengths)).toThrow(/3 bytes, its messages 4/);
    bad.abort();
  });

  it('refuses messages out of conversation order and too few conversations', () => {
    const w = new TextStoreWriter(join(dir, 'order.bin'));
    w.add(2, 'user', 'a');
    expect(() => w.add(1, 'user', 'b')).toThrow(TextStoreError);
    expect(() => w.finish(2)).toThrow(TextStoreError);
    expect(existsSync(join(dir, 'order.bin'))).toBe(false);
    expect(existsSync(join(dir, 'order.bin.tmp'))).toBe(false);
  });
});
