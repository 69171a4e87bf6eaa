// A clock that moves only when a test says so: installed in the server (lib/server/clock.ts), it
// makes a query's deadline pass at a chosen point instead of after seconds of wall clock.
import { installClock, type Clock } from '../lib/server/clock';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers: Timer[] = [];
  private watchers: { n: number; resolve: () => void }[] = [];

  now(): number {
    return this.t;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.t + ms, seq: this.seq++, fn };
    this.timers.push(timer);
    this.watchers = this.watchers.filter((w) => (this.timers.length >= w.n ? (w.resolve(), false) : true));
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  /** Timers set and not yet fired or cancelled: one per running query and per request waiting in a line. */
  get pending(): number {
    return this.timers.length;
  }

  /** Resolves once at least `n` timers are pending: the sessions the test waits for hold their connections or wait in line. */
  scheduled(n: number): Promise<void> {
    if (this.timers.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ n, resolve }));
  }

  /** Moves time on by `ms`, firing every timer due by then, earliest first. */
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.fn();
  }
}

/** Installs a manual clock in the server; the returned function puts the real one back. */
export function manualClock(): { clock: ManualClock; restore: () => void } {
  const clock = new ManualClock();
  return { clock, restore: installClock(clock) };
}

/** A promise and the function that resolves it: a point a test or the code under test waits at. */
export function barrier<T = void>(): { reached: Promise<T>; open: (v: T) => void } {
  let open!: (v: T) => void;
  const reached = new Promise<T>((r) => {
    open = r;
  });
  return { reached, open };
}
