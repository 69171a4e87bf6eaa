// The time the server's deadlines and index checks read. Production uses the real clock; a test
// installs its own (test/clock.ts) so a deadline passes when the test says so, not after seconds
// of wall clock on a machine that may be slow or loaded.

export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

let clock: Clock = realClock;

export const now = (): number => clock.now();
export const after = (ms: number, fn: () => void): (() => void) => clock.after(ms, fn);

/** Installs `c` until the returned function puts the real clock back. */
export function installClock(c: Clock): () => void {
  clock = c;
  return () => {
    clock = realClock;
  };
}
