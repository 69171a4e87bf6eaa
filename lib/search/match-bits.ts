// A search's many matches as DuckDB made them, a BIT string over row numbers (matches-sql.ts
// bitsSql), read once into JavaScript: the newest page is then a walk of the kept order testing a
// bit, and the facets a count over the set bits, instead of SQL passes sorting or grouping every
// matching conversation.

/**
 * DuckDB's BIT layout: a first byte holding how many padding bits open the data, then the bits,
 * most significant first in each byte.
 */
export class MatchBits {
  private readonly padding: number;

  constructor(private readonly data: Uint8Array) {
    this.padding = data[0] ?? 0;
  }

  /** How many row numbers the bits cover. */
  get length(): number {
    return Math.max(0, (this.data.length - 1) * 8 - this.padding);
  }

  has(conv: number): boolean {
    const at = conv + this.padding;
    return ((this.data[(at >> 3) + 1]! >> (7 - (at & 7))) & 1) === 1;
  }

  /** Calls `fn` with every matching row number, in increasing order. */
  forEach(fn: (conv: number) => void): void {
    const { data, padding } = this;
    for (let i = 1; i < data.length; i++) {
      let byte = data[i]!;
      if (i === 1) byte &= 0xff >> padding; // padding bits are set to 1 by DuckDB
      if (byte === 0) continue;
      const base = (i - 1) * 8 - padding;
      for (let b = 0; b < 8; b++) if ((byte >> (7 - b)) & 1) fn(base + b);
    }
  }
}
