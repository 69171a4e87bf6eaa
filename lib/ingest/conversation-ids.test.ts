// Conversation ids as files hold them. Copies of WildChat made by other tools sometimes lack
// per-message fields, turn identifiers among them, and LMSYS copies may lack conversation_id: such
// conversations still get an id that is never null, is the same on every ingest of the same files,
// and opens the conversation. Ids of other shapes than WildChat's digits open as they are.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { duck } from '../../test/duck';
import { LMSYS, WILDCHAT } from '../../test/fixtures';
import { call, send, type Handler } from '../../test/requests';
import { INDEX_FILE } from '../config';
import { Database } from '../db/duckdb';
import { buildIndex } from './build';
import { DERIVED_ID } from './tables';

const ROOT = resolve('.cache/test-conversation-ids');
const SHARD = join(WILDCHAT.dir, 'train-00000-of-00002.parquet');
/** An id with a slash, spaces, a quote, a percent sign and letters outside ASCII. */
const ODD = "lmsys/odd id 'é' 100% #";
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Every field of the fixture's messages (`fields`) but those named, so the Parquet's message struct lacks them. */
const messageWithout = (fields: string[], drop: string[], nullTid = 'false') => {
  const kept = fields
    .filter((f) => !drop.includes(f))
    .map((f) =>
      f === 'turn_identifier' ? `turn_identifier := CASE WHEN ${nullTid} THEN NULL ELSE m.turn_identifier END` : `"${f}" := m."${f}"`,
    );
  return `list_transform(conversation, m -> struct_pack(${kept.join(', ')}))`;
};

async function ids(cache: string): Promise<{ idx: number; id: string | null; source_row: number }[]> {
  const db = await Database.open(join(cache, INDEX_FILE), { readOnly: true, threads: 1 });
  try {
    const c = await db.connect();
    return (
      await c.all<{ idx: number; id: string | null; source_row: string }>(
        'SELECT idx, id, source_row::VARCHAR source_row FROM conversations ORDER BY idx',
      )
    ).map((r) => ({ idx: Number(r.idx), id: r.id, source_row: Number(r.source_row) }));
  } finally {
    db.close();
  }
}

const data = (name: string) => join(ROOT, name);
const cache = (name: string) => join(ROOT, `${name}-index`);

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  for (const d of ['no-field', 'some-null', 'lmsys']) mkdirSync(data(d), { recursive: true });
  const c = await duck();
  const fields = (
    await c.all<{ column_name: string }>(`DESCRIBE SELECT m.* FROM (SELECT unnest(conversation) AS m FROM read_parquet(${q(SHARD)}))`)
  ).map((r) => r.column_name);
  // No turn_identifier field at all (nor timestamp, language, toxic, redacted per message).
  await c.run(`COPY (SELECT * REPLACE (${messageWithout(fields, ['turn_identifier', 'timestamp', 'language', 'toxic', 'redacted'])} AS conversation)
    FROM read_parquet(${q(SHARD)}) LIMIT 40) TO ${q(join(data('no-field'), 'a.parquet'))} (FORMAT parquet)`);
  // Every third conversation without identifiers, and the first of those copied twice more, byte for byte.
  await c.run(`CREATE TABLE some_null AS SELECT * EXCLUDE (file_row_number) REPLACE (${messageWithout(fields, [], 'file_row_number % 3 = 0')} AS conversation)
    FROM read_parquet(${q(SHARD)}, file_row_number = true) WHERE file_row_number < 60 ORDER BY file_row_number`);
  await c.run(`COPY (SELECT * FROM some_null UNION ALL (SELECT * FROM some_null LIMIT 1) UNION ALL (SELECT * FROM some_null LIMIT 1))
    TO ${q(join(data('some-null'), 'a.parquet'))} (FORMAT parquet)`);
  // LMSYS ids: some missing, some of other shapes than 32 hex digits.
  await c.run(`COPY (SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number % 4 = 0 THEN NULL
      WHEN file_row_number % 4 = 1 THEN ${q(ODD)} || file_row_number::VARCHAR ELSE conversation_id END AS conversation_id)
    FROM read_parquet(${q(join(LMSYS.dir, '*.parquet'))}, file_row_number = true)) TO ${q(join(data('lmsys'), 'a.parquet'))} (FORMAT parquet)`);
  for (const d of ['no-field', 'some-null', 'lmsys']) await buildIndex({ data: data(d), cache: cache(d) });
  await buildIndex({ data: data('some-null'), cache: cache('some-null-again') });
});

describe('conversations without an id in their file', () => {
  it('get a derived id, never null, unique, in every dataset kind', async () => {
    for (const d of ['no-field', 'some-null', 'lmsys']) {
      const rows = await ids(cache(d));
      expect(rows.length, d).toBeGreaterThan(0);
      expect(
        rows.filter((r) => r.id === null),
        d,
      ).toEqual([]);
      expect(new Set(rows.map((r) => r.id)).size, d).toBe(rows.length);
    }
    expect((await ids(cache('no-field'))).every((r) => DERIVED_ID.test(r.id!))).toBe(true);
  });

  it('keep the ids conversations with identifiers have, and derive the same ids on every ingest', async () => {
    const first = await ids(cache('some-null'));
    expect(await ids(cache('some-null-again'))).toEqual(first);
    const want = await (
      await duck()
    ).all<{ id: string | null }>(
      `SELECT conversation[1].turn_identifier::VARCHAR AS id FROM read_parquet(${q(join(data('some-null'), 'a.parquet'))}, file_row_number = true) ORDER BY file_row_number`,
    );
    first.forEach((r, i) => {
      const id = want[i]!.id;
      if (id !== null) expect(r.id).toBe(id);
      else expect(r.id).toMatch(DERIVED_ID);
    });
    // The two exact copies of the first conversation without identifiers are told apart in file order.
    const derived = first.filter((r) => DERIVED_ID.test(r.id!));
    const firstId = derived[0]!.id!;
    const copies = derived.filter((r) => r.id!.startsWith(firstId));
    expect(copies.map((r) => r.id)).toEqual([firstId, `${firstId}-2`, `${firstId}-3`]);
  });

  it('open by their id in the API, and are listed with it', async () => {
    process.env.WILDSCOPE_CACHE = cache('some-null');
    const list = (await import('../../app/api/conversations/route')).GET as unknown as Handler;
    const one = (await import('../../app/api/conversations/[id]/route')).GET as unknown as Handler;
    const listed = (await call(list, '/api/conversations?limit=200')).body;
    expect(listed.rows.filter((r: { id: unknown }) => typeof r.id !== 'string')).toEqual([]);
    const derived = listed.rows.map((r: { id: string }) => r.id).filter((id: string) => DERIVED_ID.test(id));
    expect(derived.length).toBeGreaterThan(0);
    for (const id of derived) {
      const res = await call(one, `/api/conversations/${id}`, { id });
      expect(res.status, id).toBe(200);
      expect(res.body.id).toBe(id);
    }
  });

  it('open by any id the index holds, whatever its shape', async () => {
    process.env.WILDSCOPE_CACHE = cache('lmsys');
    vi.resetModules(); // the server's index module opens the cache it is first imported with
    const one = (await import('../../app/api/conversations/[id]/route')).GET as unknown as Handler;
    const odd = (await ids(cache('lmsys'))).filter((r) => r.id!.startsWith(ODD));
    expect(odd.length).toBeGreaterThan(0);
    for (const { id } of odd) {
      const res = await call(one, `/api/conversations/${encodeURIComponent(id!)}`, { id: id! });
      expect(res.status, id!).toBe(200);
      expect(res.body.id).toBe(id);
    }
    const missing = await send(one, '/api/conversations/x', { id: `${ODD}x` });
    expect(missing.status).toBe(404);
  });
});
