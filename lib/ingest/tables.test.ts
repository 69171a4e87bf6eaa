import { describe, expect, it } from 'vitest';
import { Database } from '../db/duckdb';
import { encodeFewValued, numberUsers } from './tables';

const ROWS: [string | null, string | null, string, string][] = [
  ['English', 'United States', 'California', 'gpt-4'],
  ['Chinese', 'China', 'Beijing', 'gpt-3.5-turbo'],
  ['English', null, 'Texas', 'gpt-4'],
  [null, 'Ägypten', 'Cairo', 'gpt-4'],
  ['Zulu', 'china', 'Ohio', 'gpt-4'],
  ['Chinese', 'Éire', 'Dublin', 'gpt-3.5-turbo'],
];

async function withTable(fn: (c: Awaited<ReturnType<Database['connect']>>) => Promise<void>) {
  const db = await Database.open(':memory:', { threads: 1 });
  try {
    const c = await db.connect();
    await c.run(
      'CREATE TABLE conversations (idx INTEGER, language VARCHAR, country VARCHAR, state VARCHAR, model VARCHAR, dataset VARCHAR)',
    );
    for (const [i, r] of ROWS.entries()) await c.run("INSERT INTO conversations VALUES ($1, $2, $3, $4, $5, 'wc')", [i, ...r]);
    await fn(c);
    c.close();
  } finally {
    db.close();
  }
}

const grouped = (col: string) => `SELECT ${col} AS v, count(*)::INTEGER AS n FROM conversations GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`;

describe('columns with few values', () => {
  it('become ENUMs that filter, group and sort exactly as the strings did; a column past the cap stays VARCHAR', async () => {
    await withTable(async (c) => {
      const before = {
        groups: await c.all(grouped('country')),
        order: await c.all('SELECT idx FROM conversations ORDER BY country NULLS LAST, idx'),
      };
      // state has 6 distinct values, one past the cap of 5.
      expect(await encodeFewValued(c, 5)).toEqual(['dataset', 'language', 'country', 'model']);
      const types = await c.all<{ column_name: string; data_type: string }>(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'conversations'",
      );
      const type = (col: string) => types.find((t) => t.column_name === col)!.data_type;
      expect(type('country')).toMatch(/^ENUM\(/);
      expect(type('state')).toBe('VARCHAR');
      expect(await c.all(grouped('country'))).toEqual(before.groups);
      expect(await c.all('SELECT idx FROM conversations ORDER BY country NULLS LAST, idx')).toEqual(before.order);
      // A bound value the column never holds matches nothing rather than failing to convert.
      expect(await c.one('SELECT count(*)::INTEGER AS n FROM conversations WHERE language IN ($1)', ["English' OR '1'='1"])).toEqual({
        n: 0,
      });
      expect(await c.one('SELECT count(*)::INTEGER AS n FROM conversations WHERE language IN ($1, $2)', ['Klingon', 'English'])).toEqual({
        n: 2,
      });
      expect(
        await c.one('SELECT count(*)::INTEGER AS n FROM conversations WHERE language IS NULL OR language NOT IN ($1)', ['English']),
      ).toEqual({ n: 4 });
    });
  });
});

describe('users', () => {
  it('are numbered in the order of their hashed IPs, one number each, none for a missing IP', async () => {
    const db = await Database.open(':memory:', { threads: 1 });
    try {
      const c = await db.connect();
      await c.run('CREATE TABLE conversations (idx INTEGER, hashed_ip VARCHAR)');
      const ips = ['f3', 'a1', null, 'f3', 'B2', 'a1', 'a10', 'f3'];
      for (const [i, ip] of ips.entries()) await c.run('INSERT INTO conversations VALUES ($1, $2)', [i, ip]);
      await numberUsers(c);
      const rows = await c.all<{ idx: number; hashed_ip: string | null; user_id: number | null }>(
        'SELECT idx, hashed_ip, user_id FROM conversations ORDER BY idx',
      );
      expect(rows.map((r) => r.hashed_ip)).toEqual(ips);
      const byIp = new Map<string | null, Set<number | null>>();
      for (const r of rows) byIp.set(r.hashed_ip, (byIp.get(r.hashed_ip) ?? new Set()).add(r.user_id));
      expect([...byIp.get(null)!]).toEqual([null]);
      const distinct = ['B2', 'a1', 'a10', 'f3']; // byte order: upper case first
      expect(distinct.map((ip) => [...byIp.get(ip)!])).toEqual([[0], [1], [2], [3]]);
      expect(await c.all('SELECT uid, hashed_ip FROM users ORDER BY uid')).toEqual(distinct.map((ip, uid) => ({ uid, hashed_ip: ip })));
      c.close();
    } finally {
      db.close();
    }
  });
});
