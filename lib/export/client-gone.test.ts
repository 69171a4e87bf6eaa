// An export whose client goes away (the request's signal aborted mid-stream) stops: no write
// after the abort reaches the stream, the stream ends, and the connection goes back to the pool.
import { beforeAll, describe, expect, it } from 'vitest';
import { barrier } from '@/test/clock';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { request } from '@/test/requests';
import type { Filter, Listing } from '../filters/schema';
import type { Cap } from './writers';
import { ClientGone } from './stream';

let exportResponse: typeof import('./respond').exportResponse;
let writeJsonl: typeof import('./writers').writeJsonl;
let db: typeof import('../server/index-db');

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ exportResponse } = await import('./respond'));
  ({ writeJsonl } = await import('./writers'));
  db = await import('../server/index-db');
});

describe('an export whose client goes away', () => {
  it('stops at the abort, ends the stream with the rows sent so far, and gives its connection back', async () => {
    const client = new AbortController();
    const firstWrite = barrier();
    const ended = barrier<unknown>();
    let written = 0;
    // The route's JSONL writer, its writes counted: the abort comes while the first batch is being written.
    const writer = (filter: Filter, sort: Listing['sort'], write: (s: string) => Promise<void>, cap: Cap) =>
      writeJsonl(
        filter,
        sort,
        async (s) => {
          firstWrite.open();
          await write(s);
          written++;
        },
        cap,
      ).then(
        () => ended.open('finished'),
        (e: unknown) => {
          ended.open(e);
          throw e;
        },
      );
    const res = await exportResponse(
      request('/api/conversations.jsonl?sort=oldest', { signal: client.signal }),
      writer,
      'application/x-ndjson; charset=utf-8',
      'wildscope-conversations.jsonl',
    );
    expect(res.status).toBe(200);
    await firstWrite.reached;
    client.abort();
    expect(await ended.reached).toBeInstanceOf(ClientGone);
    expect(written).toBeLessThanOrEqual(1);
    // The stream ends (it does not hang) holding whole lines of the first batch at most, not the whole selection.
    const lines = (await res.text()).split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(WILDCHAT.conversations);
    for (const l of lines) expect((JSON.parse(l) as { id: string }).id).toMatch(/\S/);
    expect(db.poolState()).toEqual({ scans: 4, points: 2, waiting: 0 });
  });

  it('stops an export whose client left before its first bytes, and gives its connection back', async () => {
    const client = new AbortController();
    client.abort();
    let written = 0;
    const res = await exportResponse(
      request('/api/conversations.jsonl', { signal: client.signal }),
      (filter, sort, write, cap) =>
        writeJsonl(
          filter,
          sort,
          async (s) => {
            await write(s);
            written++;
          },
          cap,
        ),
      'application/x-ndjson; charset=utf-8',
      'wildscope-conversations.jsonl',
    );
    expect(await res.text()).toBe('');
    expect(written).toBe(0);
    expect(db.poolState()).toEqual({ scans: 4, points: 2, waiting: 0 });
  });
});
