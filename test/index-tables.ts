// What an index holds, table by table, for tests that compare two builds.
import { join } from 'node:path';
import { INDEX_FILE } from '../lib/config';
import { Database } from '../lib/db/duckdb';

/** Each table's rows and an order-free checksum of them, for every table but the manifest. */
export async function tableChecksums(dir: string): Promise<Record<string, string>> {
  const db = await Database.open(join(dir, INDEX_FILE), { readOnly: true, threads: 1 });
  try {
    const c = await db.connect();
    const names = (
      await c.all<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_name <> 'manifest' ORDER BY 1")
    ).map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of names) {
      const r = (await c.one<{ n: number; h: string }>(
        `SELECT count(*)::INTEGER AS n, sum(hash(x::VARCHAR))::VARCHAR AS h FROM "${t}" x`,
      ))!;
      out[t] = `${r.n} rows, ${r.h}`;
    }
    return out;
  } finally {
    db.close();
  }
}
