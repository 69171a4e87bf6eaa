import { existsSync, rmSync } from 'node:fs';
import { generate } from '../lib/generate';
import { buildIndex } from '../lib/ingest/build';
import { FIXTURES, FOUR_EIGHT, LMSYS, WILDCHAT, WILDCHAT_CACHE } from './fixtures';

export default async function setup(): Promise<void> {
  rmSync(FIXTURES, { recursive: true, force: true });
  await generate({ ...WILDCHAT, out: WILDCHAT.dir, schema: 'wildchat', shards: 2 });
  await generate({ ...FOUR_EIGHT, out: FOUR_EIGHT.dir, schema: 'wildchat-4.8m' });
  await generate({ ...LMSYS, out: LMSYS.dir, schema: 'lmsys' });
  await buildIndex({ data: WILDCHAT.dir, cache: WILDCHAT_CACHE });
  if (!existsSync(WILDCHAT_CACHE)) throw new Error('fixture index was not built');
}
