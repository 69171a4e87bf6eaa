// One query past its deadline is interrupted and answered as such, while the other requests made
// at the same time are served: a heavy search cannot hold the pool. The server's clock is the
// test's (test/clock.ts): a deadline passes when the test moves time on, after the requests it
// must not block were answered, whatever the machine's load.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '@/test/clock';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { send, type Handler } from '@/test/requests';

let list: Handler;
let db: typeof import('./index-db');
let respond: typeof import('./respond');
let clock: ManualClock;
let restore: () => void;
const DEADLINE = 3000;
const runaway = 'SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3'; // hours unless interrupted
/** Lets other work run between slices of a session's JavaScript, as a phrase read does between messages. */
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  process.env.WILDSCOPE_QUERY_TIMEOUT_MS = String(DEADLINE);
  ({ clock, restore } = manualClock());
  db = await import('./index-db');
  respond = await import('./respond');
  list = (await import('@/app/api/conversations/route')).GET as unknown as Handler;
});
// Whatever a failed test left running is stopped by its deadline, for the next test.
afterEach(() => clock.advance(24 * 3600 * 1000));
afterAll(() => restore());

describe('query deadline', () => {
  it('interrupts a runaway query with a 503 and serves the others meanwhile', async () => {
    const order: string[] = [];
    const heavy = db
      .all(runaway)
      .then(
        () => 'finished',
        (e: unknown) => e,
      )
      .finally(() => order.push('heavy'));
    await clock.scheduled(1); // the runaway query holds a connection
    const light = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const r = await send(list, `/api/conversations?limit=5&offset=${i}`);
        order.push('light');
        return { status: r.status, total: ((await r.json()) as { total: number }).total };
      }),
    );
    expect(light.every((r) => r.status === 200 && r.total === WILDCHAT.conversations)).toBe(true);
    expect(clock.pending).toBe(1); // the runaway query's deadline alone is left
    clock.advance(DEADLINE);
    const err = await heavy;
    expect(err).toBeInstanceOf(db.DeadlineError);
    expect(order.indexOf('heavy')).toBe(order.length - 1);
    const answer = respond.errorResponse(err);
    expect(answer.status).toBe(503);
    expect(((await answer.json()) as { error: string }).error).toMatch(/deadline/);
    // Pages show the same cause as a notice instead of failing with a 500.
    expect(respond.pageNotice(err)).toMatch(/deadline.*Narrow/);
    expect(respond.pageNotice(new Error('disk on fire'))).toBeUndefined();
    // The pool is whole again: the interrupted connection went back and serves.
    expect((await send(list, '/api/conversations?limit=1')).status).toBe(200);
  });

  it('stops JavaScript work done for a session (a phrase read on the text) at the deadline too, and the next session runs', async () => {
    let slices = 0;
    let sliced: () => void = () => {};
    const manySlices = new Promise<void>((r) => {
      sliced = r;
    });
    const runaway = db
      .session(async (c) => {
        for (;;) {
          await yieldNow();
          c.throwIfInterrupted();
          if (++slices > 20) sliced();
        }
      })
      .catch((e: unknown) => e);
    await manySlices;
    clock.advance(DEADLINE);
    expect(await runaway).toBeInstanceOf(db.DeadlineError);
    expect(slices).toBeGreaterThan(20);
    // A connection goes back to the pool uninterrupted.
    const counts = await Promise.all(
      Array.from({ length: 6 }, () =>
        db.session(async (c) => {
          await yieldNow();
          c.throwIfInterrupted();
          return (await c.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM conversations'))!.n;
        }),
      ),
    );
    expect(counts).toEqual(Array(6).fill(WILDCHAT.conversations));
  });

  it('gives up a request that waits for a connection past its deadline, instead of queueing on', async () => {
    // Every pooled connection held by a runaway query with a longer deadline than the waiter's.
    const held = Array.from({ length: 4 }, () =>
      db
        .session((c) => c.all(runaway), { deadlineMs: 2 * DEADLINE })
        .then(
          () => 'finished',
          (e: unknown) => e,
        ),
    );
    await clock.scheduled(4);
    const waiting = db.all('SELECT 42 AS n').then(
      () => 'served',
      (e: unknown) => e,
    );
    await clock.scheduled(5); // the waiter is in line for a connection
    clock.advance(DEADLINE);
    const waiter = await waiting;
    expect(waiter).toBeInstanceOf(db.DeadlineError);
    expect((waiter as Error).message).toMatch(/too busy/);
    clock.advance(DEADLINE);
    for (const e of await Promise.all(held)) expect(e).toBeInstanceOf(db.DeadlineError);
    expect(await db.one<{ n: number }>('SELECT 42 AS n')).toEqual({ n: 42 });
  });

  it('reads a conversation and resolves a turn on their own connections while scans hold every other one', async () => {
    const { getConversation } = await import('@/lib/queries/conversation-read');
    const { resolveTurn } = await import('@/lib/queries/turn-lookup');
    let settled = 0;
    const held = Array.from({ length: 4 }, () =>
      db
        .session((c) => c.all(runaway))
        .then(
          () => 'finished',
          (e: unknown) => e,
        )
        .finally(() => settled++),
    );
    await clock.scheduled(4);
    const [conversation, turn] = await Promise.all([getConversation('9007199254740993'), resolveTurn('9007199254740993')]);
    expect(settled).toBe(0); // answered while every scan connection still ran
    expect(conversation?.messages.length).toBeGreaterThan(0);
    expect(turn).toEqual({ conversation_id: '9007199254740993', turn_identifier: '9007199254740993', dataset: 'wildchat', also_in: [] });
    clock.advance(DEADLINE);
    for (const e of await Promise.all(held)) expect(e).toBeInstanceOf(db.DeadlineError);
  });

  it('runs at most two heavy sessions at once, so quick requests always find a connection', async () => {
    // Four phrase-like sessions that would each hold a connection until their deadline.
    let settled = 0;
    const heavy = Array.from({ length: 4 }, () =>
      db
        .session((c) => c.all(runaway), { heavy: true })
        .then(
          () => 'finished',
          (e: unknown) => e,
        )
        .finally(() => settled++),
    );
    await clock.scheduled(4); // two running, two waiting for a slot
    const quick = await Promise.all(Array.from({ length: 6 }, () => db.one<{ n: number }>('SELECT 42 AS n')));
    expect(quick).toEqual(Array.from({ length: 6 }, () => ({ n: 42 })));
    expect(settled).toBe(0); // served while every heavy session still runs or waits
    clock.advance(DEADLINE);
    const errors = (await Promise.all(heavy)) as Error[];
    // Two ran until their deadline; the other two waited for a slot past it and were turned away.
    expect(errors.filter((e) => /deadline and was stopped/.test(e.message)).length).toBe(2);
    expect(errors.filter((e) => /too busy with other phrase searches/.test(e.message)).length).toBe(2);
  });
});
