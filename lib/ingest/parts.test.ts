// An index of several datasets rebuilt after one dataset's files changed: only that dataset's part
// is read and tokenized again, the others' parts are kept (their build time with them), and the
// index comes out the same as one built from nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LMSYS, WILDCHAT } from '@/test/fixtures';
import { tableChecksums as tables } from '@/test/index-tables';
import { buildIndex } from './build';
import { indexFreshness } from './freshness';
import type { Manifest } from './manifest';
import { PART_DB, partDir, PARTS_DIR } from './parts';

let root: string;
let wc: string;
let lm: string;
const data = () => `wc=${wc};lm=${lm}`;
let first: Manifest;
let again: Manifest;
let incremental: string;
let fromNothing: string;
const lines: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wildscope-parts-'));
  [wc, lm, incremental, fromNothing] = ['wc', 'lm', 'incremental', 'from-nothing'].map((d) => join(root, d)) as [
    string,
    string,
    string,
    string,
  ];
  cpSync(WILDCHAT.dir, wc, { recursive: true });
  cpSync(LMSYS.dir, lm, { recursive: true });
  first = await buildIndex({ data: data(), cache: incremental });
  // WildChat, the first dataset, loses its second file: every LMSYS conversation moves to a lower number.
  rmSync(join(wc, 'train-00001-of-00002.parquet'));
  again = await buildIndex({ data: data(), cache: incremental, log: (l) => lines.push(l) });
  await buildIndex({ data: data(), cache: fromNothing });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('one dataset of several changed', () => {
  it('rebuilds only its part: the other keeps its build time and its files', async () => {
    expect(first.datasets.map((d) => d.name)).toEqual(['wc', 'lm']);
    expect(again.datasets[1]!.builtAt).toBe(first.datasets[1]!.builtAt);
    expect(again.datasets[0]!.builtAt).not.toBe(first.datasets[0]!.builtAt);
    expect(lines.some((l) => l.includes('lm (lmsys') && l.includes('kept from'))).toBe(true);
    expect(lines.some((l) => l.startsWith('[tables] lm'))).toBe(false);
    expect(lines.some((l) => l.startsWith('[tables] wc'))).toBe(true);
    expect(again.datasets[0]!.conversations).toBeLessThan(first.datasets[0]!.conversations);
    expect(again.datasets[1]!.first).toBe(again.datasets[0]!.conversations);
    expect(await indexFreshness(data(), incremental)).toEqual({ state: 'fresh' });
  });

  it('gives the same tables and message text as an index built from nothing', async () => {
    const [a, b] = [await tables(incremental), await tables(fromNothing)];
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(['messages', 'conversations', 'postings', 'terms', 'turns', 'users', 'map_points']),
    );
    expect(a).toEqual(b);
    const text = (m: Manifest, dir: string) => readFileSync(join(dir, m.text.file));
    const rebuilt = JSON.parse(readFileSync(join(fromNothing, 'manifest.json'), 'utf8')) as Manifest;
    expect(text(again, incremental).equals(text(rebuilt, fromNothing))).toBe(true);
  });

  it('drops the part of a dataset no longer configured, and every part when one dataset is left', async () => {
    const cache = join(root, 'dropped');
    await buildIndex({ data: data(), cache });
    const lmPart = statSync(join(partDir(cache, 'lm'), PART_DB));
    expect(lmPart.size).toBeGreaterThan(0);
    const m = await buildIndex({ data: `wc=${wc};copy=${wc}`, cache });
    expect(m.datasets.map((d) => d.name)).toEqual(['wc', 'copy']);
    expect(() => statSync(partDir(cache, 'lm'))).toThrow();
    expect(statSync(join(partDir(cache, 'wc'), PART_DB)).size).toBeGreaterThan(0);
    await buildIndex({ data: wc, cache });
    expect(() => statSync(join(cache, PARTS_DIR))).toThrow();
  });
});
