// A conversation read while an ingest swaps the index between its lookup (id -> row number) and its
// reads (row, messages, text) is read again on the new index, where its row number differs.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FILE } from '@/lib/config';
import { buildIndex } from '@/lib/ingest/build';
import { manualClock, type ManualClock } from '@/test/clock';
import { duck } from '@/test/duck';
import { copyIndex, WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';

const root = (() => {
  mkdirSync(resolve('.cache/test-broken'), { recursive: true });
  return mkdtempSync(resolve('.cache/test-broken/swap-'));
})();
const served = join(root, 'served');
const other = join(root, 'second-shard-index');
const SHARD = 'train-00001-of-00002.parquet';
let clock: ManualClock;
let restore: () => void;
let conversations: typeof import('./conversation-read');
let listingQueries: typeof import('./listing');

beforeAll(async () => {
  mkdirSync(served, { recursive: true });
  copyIndex(WILDCHAT_CACHE, served);
  // The second index holds the fixture's second file alone: its conversations sit at other row numbers.
  const data = join(root, 'second-shard');
  mkdirSync(data, { recursive: true });
  copyFileSync(join(WILDCHAT.dir, SHARD), join(data, SHARD));
  await buildIndex({ data, cache: other });
  for (const f of readdirSync(other)) if (/^text-.*\.bin$/.test(f)) copyFileSync(join(other, f), join(served, f));
  process.env.WILDSCOPE_CACHE = served;
  ({ clock, restore } = manualClock());
  conversations = await import('./conversation-read');
  listingQueries = await import('./listing');
});
afterAll(() => {
  conversations.readHooks.afterLookup = undefined;
  restore();
});

describe('a conversation read across an index swap', () => {
  it('is looked up again on the new index and read whole from it', async () => {
    const c = await duck();
    const shard = `read_parquet('${join(WILDCHAT.dir, SHARD).replace(/'/g, "''")}')`;
    const want = (await c.one<{ id: string; n: number; first: string }>(`SELECT conversation[1].turn_identifier::VARCHAR AS id,
      len(conversation)::INTEGER AS n, conversation[1].content AS first FROM ${shard}
      WHERE conversation[1].turn_identifier IS NOT NULL LIMIT 1 OFFSET 5`))!;
    const before = await conversations.getConversation(want.id);
    expect(before?.messages.length).toBe(want.n);

    let lookups = 0;
    conversations.readHooks.afterLookup = async () => {
      lookups++;
      if (lookups > 1) return;
      // An ingest renames the other index into place, and the server's next look at the file finds it.
      copyFileSync(join(other, INDEX_FILE), join(served, `${INDEX_FILE}.incoming`));
      renameSync(join(served, `${INDEX_FILE}.incoming`), join(served, INDEX_FILE));
      clock.advance(1001);
    };
    const after = await conversations.getConversation(want.id);
    expect(lookups).toBe(2);
    expect(after?.id).toBe(want.id);
    expect(after?.messages.length).toBe(want.n);
    expect(after?.messages[0]?.content).toBe(want.first);
    // The answer came from the new index: it holds the second file's conversations alone.
    const { filter, listing } = (await import('@/lib/filters/schema')).parseParams(new URLSearchParams('limit=1'));
    const shardRows = Number((await c.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${shard}`))!.n);
    expect((await listingQueries.listConversations(filter, listing)).total).toBe(shardRows);
    expect(shardRows).toBeLessThan(WILDCHAT.conversations);
  });
});
