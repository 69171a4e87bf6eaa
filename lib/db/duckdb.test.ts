import { describe, expect, it } from 'vitest';
import { Database } from './duckdb';

describe('a connection', () => {
  it('reads its memory limit back in bytes, whatever unit it was set in', async () => {
    for (const [setting, bytes] of [
      ['6GB', 6e9],
      ['1500MB', 1.5e9],
      ['3GiB', 3 * 2 ** 30],
      ['512MiB', 512 * 2 ** 20],
      ['200KB', 2e5],
    ] as const) {
      const db = await Database.open(':memory:', { threads: 1, memoryLimit: setting });
      try {
        const c = await db.connect();
        const read = await c.memoryLimit();
        // DuckDB prints it cut to a tenth of its unit ("1.3 GiB" for 1500MB, which is 1.397 GiB).
        expect(read, setting).toBeLessThanOrEqual(bytes);
        expect(read, setting).toBeGreaterThan(bytes * 0.9);
        c.close();
      } finally {
        db.close();
      }
    }
  });
});
