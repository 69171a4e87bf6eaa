// Search through the real index path (Parquet -> ingest -> postings -> query -> confirmation) in
// scripts whose words carry combining marks (Hindi), that are written without spaces (Thai), or
// whose vowels may be written or left out (Arabic harakat).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '@/lib/filters/schema';
import { buildIndex } from '@/lib/ingest/build';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT } from '@/test/fixtures';

const TEXTS = {
  hindi: 'मैं नहीं जानता कि वह कहाँ है',
  thai: 'ฉันชอบเรียนภาษาไทยมาก',
  harakat: 'قال النبي مُحَمَّدٌ رَسُولُ الله',
  plain: 'اسمي محمد وأنا من القاهرة',
  chinese: '我们今天去北京大学',
  english: 'the zebra-quartz-57 token',
};
type Name = keyof typeof TEXTS;

const root = mkdtempSync(join(tmpdir(), 'wildscope-scripts-'));
const ids = new Map<string, Name>();
let listConversations: typeof import('./listing').listConversations;

beforeAll(async () => {
  // Rows of the WildChat fixture, each with one of the texts as its first message and filler after.
  const names = Object.keys(TEXTS) as Name[];
  const c = await duck();
  const data = join(root, 'data');
  await c.run(
    `CREATE OR REPLACE TEMP TABLE scripts AS SELECT * FROM (VALUES ${names.map((n, i) => `(${i + 1}, '${TEXTS[n]}')`).join(', ')}) t(k, text)`,
  );
  mkdirSync(data);
  await c.run(`COPY (SELECT f.* REPLACE (list_transform(f.conversation, (m, i) -> struct_update(m, content := CASE WHEN i = 1 THEN s.text ELSE 'nothing to see here' END)) AS conversation)
      FROM (SELECT *, row_number() OVER () AS k FROM ${parquet(WILDCHAT.dir)} LIMIT ${names.length}) f JOIN scripts s USING (k) ORDER BY k)
    TO '${join(data, 'scripts.parquet')}' (FORMAT parquet)`);
  const rows = await c.all<{ k: number; id: string }>(
    `SELECT row_number() OVER () AS k, conversation[1].turn_identifier::VARCHAR AS id FROM read_parquet('${join(data, 'scripts.parquet')}')`,
  );
  for (const r of rows) ids.set(r.id, names[Number(r.k) - 1]!);
  const cache = join(root, 'cache');
  await buildIndex({ data, cache });
  process.env.WILDSCOPE_CACHE = cache;
  ({ listConversations } = await import('./listing'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The texts a search finds, by name, with the snippets shown for them. */
async function search(q: string): Promise<{ found: Name[]; snippets: string[] }> {
  const { filter, listing } = parseParams(new URLSearchParams({ q, limit: '50' }));
  const { total, rows } = await listConversations(filter, listing);
  expect(total).toBe(rows.length);
  return { found: rows.map((r) => ids.get(r.id)!).sort(), snippets: rows.map((r) => r.snippet ?? '') };
}

describe('search in Hindi, Thai and Arabic through the index', () => {
  it('finds a Hindi word whole, and not a fragment of it', async () => {
    expect(await search('नहीं')).toEqual({ found: ['hindi'], snippets: [TEXTS.hindi] });
    expect((await search('नह')).found).toEqual([]);
    expect((await search('"नहीं जानता"')).found).toEqual(['hindi']);
    expect((await search('"नह जानता"')).found).toEqual([]);
  });

  it('finds any sequence of Thai characters', async () => {
    for (const q of ['ภาษาไทย', 'ชอบเรียน', 'ไท', 'เรียนภา']) expect((await search(q)).found, q).toEqual(['thai']);
    expect((await search('ภาษาลาว')).found).toEqual([]);
  });

  it('finds Arabic with and without harakat, whichever the query has', async () => {
    expect((await search('محمد')).found).toEqual(['harakat', 'plain']);
    expect((await search('مُحَمَّد')).found).toEqual(['harakat', 'plain']);
    expect((await search('"محمد رسول"')).found).toEqual(['harakat']);
    expect((await search('"مُحَمَّدٌ رَسُولُ"')).found).toEqual(['harakat']);
    expect((await search('"محمد الله"')).found).toEqual([]);
  });

  it('finds Chinese and English as before', async () => {
    expect((await search('北京')).found).toEqual(['chinese']);
    expect((await search('京大')).found).toEqual(['chinese']);
    expect((await search('zebra-quartz-57')).found).toEqual(['english']);
    expect((await search('zebra')).found).toEqual(['english']);
    expect((await search('zebr')).found).toEqual([]);
  });
});
