// Which search results are kept, shared and dropped. An entry is computed once per key; requests
// arriving meanwhile wait for it instead of searching again (a page asks for rows, facets and
// charts of one query at once). A finished entry stays `ttlMs` for paging and sorting, within
// limits on entries and rows; one in use is never dropped. The tables themselves are the caller's.
import type { Matches } from '../search/matches';

/** A search's entry: its table's name, and what computing it returned (search/matches.ts). */
export interface Entry extends Matches {
  readonly key: string;
  readonly table: string;
  ready: Promise<void>;
  users: number;
  idleSince: number;
  done: boolean;
}

/** What computing a search returns: how many matched, and what is kept of them. */
export type Computed = Matches;

export interface CacheLimits {
  ttlMs: number;
  maxEntries: number;
  maxRows: number;
}

export class MatchCache {
  private readonly entries = new Map<string, Entry>(); // oldest use first
  private counter = 0;

  constructor(
    private readonly limits: CacheLimits,
    /** Drops a table; with the entry, one that finished (whose table may have been left unmade). */
    private readonly drop: (table: string, finished?: Entry) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The entry for `key`, computed by this call (`compute` fills the table it is given and returns
   * how many rows it holds, and which when few) or an earlier one; release it when done.
   */
  async acquire(key: string, prefix: string, compute: (table: string) => Promise<Computed>): Promise<Entry> {
    this.sweep();
    let e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    } else {
      const table = `${prefix}${++this.counter}`;
      const entry: Entry = { key, table, ready: Promise.resolve(), rows: 0, users: 0, idleSince: this.now(), done: false };
      entry.ready = compute(table).then(
        (computed) => {
          Object.assign(entry, computed);
          entry.done = true;
        },
        (err) => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          this.drop(table);
          throw err;
        },
      );
      this.entries.set(key, entry);
      e = entry;
    }
    e.users++;
    try {
      await e.ready;
    } catch (err) {
      e.users--;
      throw err;
    }
    return e;
  }

  release(e: Entry): void {
    e.users--;
    if (e.users === 0) e.idleSince = this.now();
    this.sweep();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops idle entries past their time, then the least recently used idle ones while over a limit. */
  private sweep(): void {
    const now = this.now();
    let rows = 0;
    for (const e of this.entries.values()) rows += e.rows;
    for (const e of [...this.entries.values()]) {
      if (!e.done || e.users > 0) continue;
      const over = this.entries.size > this.limits.maxEntries || rows > this.limits.maxRows;
      if (over || now - e.idleSince >= this.limits.ttlMs) {
        this.entries.delete(e.key);
        rows -= e.rows;
        this.drop(e.table, e);
      }
    }
  }
}
