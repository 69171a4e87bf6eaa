// A copy of the WildChat fixture with a word planted in each of two selections (every
// conversation of one model gets one word, every conversation of another the other), and its
// index: for the lenses' tests, whose top terms must be those words.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../lib/ingest/build';
import { duck, parquet } from './duck';
import { FIXTURES, WILDCHAT } from './fixtures';

export const PLANTED = {
  a: { model: 'gpt-4-0314', word: 'Zorblaxian' },
  b: { model: 'gpt-3.5-turbo-0613', word: 'Quxbarian' },
};

const plant = (model: string, word: string) =>
  `WHEN model = '${model}' THEN list_transform(conversation, (m, i) -> CASE WHEN i = 1 THEN struct_update(m, content := m.content || ' ${word} here.') ELSE m END)`;

/** Writes the planted Parquet and builds its index under `name` (one per test file: they run at once); returns both folders. */
export async function plantedIndex(name: string): Promise<{ dir: string; cache: string }> {
  const dir = join(FIXTURES, `planted-${name}`);
  const cache = join(FIXTURES, `planted-${name}-index`);
  if (existsSync(join(cache, 'manifest.json'))) return { dir, cache };
  mkdirSync(dir, { recursive: true });
  const c = await duck();
  await c.run(`COPY (SELECT * REPLACE (CASE ${plant(PLANTED.a.model, PLANTED.a.word)} ${plant(PLANTED.b.model, PLANTED.b.word)}
    ELSE conversation END AS conversation) FROM ${parquet(WILDCHAT.dir)}) TO '${join(dir, 'planted.parquet')}' (FORMAT parquet)`);
  await buildIndex({ data: dir, cache });
  return { dir, cache };
}
