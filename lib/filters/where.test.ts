// Every statement the SQL builders generate, run through DuckDB on the fixture index, and counted
// against DuckDB's own answer from the fixture Parquet; hostile values must run as plain values.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FILE } from '@/lib/config';
import { Database, type Connection } from '@/lib/db/duckdb';
import { Sql } from '@/lib/db/sql';
import { selectionSql } from '@/lib/queries/listing';
import { Selection } from '@/lib/queries/selection';
import { matchesSql, matchTable, setBitsSql } from '@/lib/search/matches-sql';
import { parseParams, SORTS, type Filter } from './schema';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { hasWord as word } from '@/test/oracle';

let db: Database;
let index: Connection;

beforeAll(async () => {
  db = await Database.open(join(WILDCHAT_CACHE, INDEX_FILE), { readOnly: true, threads: 1 });
  index = await db.connect();
  await (
    await duck()
  ).run(`CREATE OR REPLACE TABLE wconv AS SELECT language, country, model, toxic, turn, hashed_ip,
      "timestamp" AS ts, conversation FROM ${parquet(WILDCHAT.dir)}`);
});
afterAll(() => db?.close());

/**
 * The filter's Selection, with the matches of its words as withSelection keeps them (a table and its
 * bits) in a temporary table of the test's connection; phrases stay unconfirmed (that is text work,
 * tested in api.test).
 */
async function selectionOf(filter: Filter): Promise<Selection> {
  if (!filter.q) return new Selection(filter);
  const hits = matchTable('hits');
  await index.run(`CREATE OR REPLACE TEMP TABLE hits AS ${matchesSql(filter.search!, filter.role)}`);
  await index.run(setBitsSql(hits, WILDCHAT.conversations));
  return new Selection(filter, hits);
}

async function indexCount(qs: string): Promise<number> {
  const sql = new Sql();
  const { filter } = parseParams(new URLSearchParams(qs));
  const where = (await selectionOf(filter)).where(sql);
  return Number((await index.one<{ n: bigint }>(`SELECT count(*) AS n FROM conversations c WHERE ${where}`, sql.params))!.n);
}

const parquetCount = async (where: string) =>
  Number((await (await duck()).one<{ n: bigint }>(`SELECT count(*) AS n FROM wconv WHERE ${where}`))!.n);

describe('buildWhere on the fixture index', () => {
  const cases: [string, string][] = [
    ['', 'true'],
    ['language=English&language=Russian', "language IN ('English', 'Russian')"],
    ['not_country=United+States', "country IS NULL OR country <> 'United States'"],
    ['toxic=true&turns_min=2&turns_max=4', 'toxic AND turn BETWEEN 2 AND 4'],
    ['from=2023-06-01&to=2023-06-30', "ts >= '2023-06-01'::TIMESTAMPTZ AND ts < '2023-07-01'::TIMESTAMPTZ"],
    ['q=the', word('the')],
    ['q=the+-you', `${word('the')} AND NOT ${word('you')}`],
    ['q=the&language=English&not_model=gpt-4-0314', `${word('the')} AND language = 'English' AND model <> 'gpt-4-0314'`],
  ];
  for (const [qs, where] of cases) {
    it(`counts "${qs || 'no filter'}" as DuckDB does from the Parquet`, async () => {
      expect(await indexCount(qs)).toBe(await parquetCount(where));
    });
  }

  const hostile = [
    "English' OR '1'='1",
    "' OR 1=1 --",
    "'; DROP TABLE conversations; --",
    'English"; SELECT 1; --',
    '$1',
    '\\x00',
    '\u0000',
    '%00',
    '../../etc/passwd',
    '🙂'.repeat(300),
    'a'.repeat(2000),
  ];
  for (const v of hostile) {
    it(`runs ${JSON.stringify(v.slice(0, 30))} as a plain value that matches nothing`, async () => {
      for (const key of ['language', 'country', 'state', 'model', 'hashed_ip', 'conversation_hash']) {
        const p = new URLSearchParams();
        p.set(key, v);
        expect(await indexCount(p.toString())).toBe(0);
        p.delete(key);
        p.set(`not_${key}`, v);
        expect(await indexCount(p.toString())).toBe(await parquetCount('true'));
      }
    });
  }

  it('still has its tables after every hostile value ran', async () => {
    expect(await indexCount('')).toBe(WILDCHAT.conversations);
  });
});

describe('every listing statement runs, with hostile searches too', () => {
  const queries = ['the', '"the one"', 'the -you', '你好', 'привет', "' OR 1=1 --", '"); DROP TABLE messages; --', '-only'];
  for (const q of queries) {
    it(`q=${JSON.stringify(q)}: each sort runs, and the rows are the selection's`, async () => {
      const qs = new URLSearchParams({ q, language: 'English' });
      const { filter } = parseParams(qs);
      const total = await indexCount(qs.toString());
      const sel = await selectionOf(filter);
      for (const sort of SORTS) {
        const s = selectionSql(sel, sort);
        const rows = await index.all<{ id: string; language: string }>(`${s.text} LIMIT 500`, s.params);
        expect(rows.length).toBe(Math.min(total, 500));
        for (const r of rows) expect(r.language).toBe('English');
      }
    });
  }
});
