import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duck, parquet, scalar } from '../../test/duck';
import { FOUR_EIGHT, copyIndex, LMSYS, WILDCHAT, WILDCHAT_CACHE } from '../../test/fixtures';
import { INDEX_FILE } from '../config';
import { Database, type Connection } from '../db/duckdb';
import { POSITIONS } from '../search/positions';
import { isFrequentWord, pairTerm } from '../search/pairs';
import { forEachTerm, termId, tokens } from '../search/tokenize';
import { TextStore } from '../text/store';
import { buildIndex } from './build';
import type { Manifest } from './manifest';

const opened: Database[] = [];
const stores: TextStore[] = [];
async function index(cache: string): Promise<Connection> {
  const db = await Database.open(join(cache, INDEX_FILE), { readOnly: true, threads: 1 });
  opened.push(db);
  return db.connect();
}
/** The text store the index in `cache` names. */
async function textStore(cache: string): Promise<TextStore> {
  const c = await index(cache);
  const m = JSON.parse((await c.one<{ json: string }>('SELECT json FROM manifest'))!.json) as Manifest;
  const t = TextStore.open(join(cache, m.text.file));
  stores.push(t);
  return t;
}
afterAll(() => {
  opened.forEach((d) => d.close());
  stores.forEach((t) => t.close());
});

describe('ingest', () => {
  it('counts what DuckDB counts straight from the Parquet', async () => {
    const c = await index(WILDCHAT_CACHE);
    const T = parquet(WILDCHAT.dir);
    const n = async (sql: string) => Number((await c.one<{ n: string }>(sql))!.n);
    expect(await n('SELECT count(*) n FROM conversations')).toBe(Number(await scalar(`SELECT count(*) FROM ${T}`)));
    expect(await n('SELECT count(*) n FROM messages')).toBe(Number(await scalar(`SELECT sum(len(conversation)) FROM ${T}`)));
    // Listings read a page's rows by rowid (lib/queries/listing.ts): it must be the row number.
    expect(await n('SELECT count(*) n FROM conversations WHERE rowid <> idx')).toBe(0);
    // Term lookups skip row groups by min/max: postings are stored sorted by term and conversation.
    expect(
      await n(`SELECT count(*) n FROM (SELECT term, conv, lag(term) OVER w pt, lag(conv) OVER w pc FROM postings WINDOW w AS (ORDER BY rowid))
      WHERE pt > term OR (pt = term AND pc >= conv)`),
    ).toBe(0);
    const byLang = await c.all<{ language: string; n: string }>(
      'SELECT language, count(*)::VARCHAR n FROM conversations GROUP BY 1 ORDER BY 1',
    );
    const want = await (
      await duck()
    ).all<{ language: string; n: string }>(`SELECT language, count(*)::VARCHAR n FROM ${T} GROUP BY 1 ORDER BY 1`);
    expect(byLang).toEqual(want);
    expect(await n('SELECT count(*) n FROM conversations WHERE toxic')).toBe(Number(await scalar(`SELECT count(*) FROM ${T} WHERE toxic`)));
    expect(await n('SELECT count(*) n FROM conversations WHERE flagged')).toBe(
      Number(await scalar(`SELECT count(*) FROM ${T} WHERE list_bool_or(list_transform(openai_moderation, o -> o.flagged))`)),
    );
    const maxHarass = await c.one<{ v: number }>('SELECT max(m_harassment_threatening) v FROM conversations');
    expect(maxHarass!.v).toBeCloseTo(
      Number(await scalar(`SELECT max(o.category_scores."harassment/threatening") FROM (SELECT unnest(openai_moderation) o FROM ${T})`)),
      12,
    );
  });

  it("stores every message's text and role in the order of the messages table, as the Parquet holds them", async () => {
    const c = await index(WILDCHAT_CACHE);
    const text = await textStore(WILDCHAT_CACHE);
    const convs = await c.all<{ idx: number; source: string; source_row: string; n: number }>(
      'SELECT idx, source, source_row::VARCHAR source_row, n_messages n FROM conversations ORDER BY idx',
    );
    const src = await (
      await duck()
    ).all<{ f: string; r: string; texts: (string | null)[]; roles: string[] }>(
      `SELECT filename f, file_row_number::VARCHAR r, [m.content FOR m IN conversation] texts, [m.role FOR m IN conversation] roles
       FROM read_parquet(${parquet(WILDCHAT.dir).replace(/^read_parquet\(|\)$/g, '')}, filename = true, file_row_number = true)`,
    );
    const byRow = new Map(src.map((r) => [`${r.f}|${r.r}`, r]));
    expect(text.conversations).toBe(convs.length);
    expect(text.messages).toBe(Number((await c.one<{ n: string }>('SELECT count(*)::VARCHAR n FROM messages'))!.n));
    let compared = 0;
    for (const conv of convs) {
      const want = byRow.get(`${conv.source}|${conv.source_row}`)!;
      const got = text.read(Number(conv.idx));
      expect(
        got.map((m) => m.text),
        `conversation ${conv.idx}`,
      ).toEqual(want.texts.map((t) => t ?? ''));
      expect(got.map((m) => m.role)).toEqual(want.roles.map((r) => (r === 'user' || r === 'assistant' ? r : 'other')));
      compared += got.length;
    }
    expect(compared).toBe(text.messages);
    // The messages table in the same order: the page zips one with the other by position.
    const roles = await c.all<{ conv: number; role: string }>('SELECT conv, role FROM messages ORDER BY rowid');
    const flat = convs.flatMap((conv) => text.read(Number(conv.idx)).map((m) => [Number(conv.idx), m.role]));
    expect(roles.map((r) => [Number(r.conv), r.role])).toEqual(flat);
  });

  it('places each term and pair of frequent words in the messages that hold it (positions modulo 8), in long conversations too', async () => {
    const c = await index(WILDCHAT_CACHE);
    const convs = await c.all<{ idx: number }>('SELECT idx FROM conversations ORDER BY n_messages DESC, idx LIMIT 3');
    convs.push(...(await c.all<{ idx: number }>('SELECT idx FROM conversations WHERE n_messages > 1 ORDER BY idx LIMIT 3')));
    expect(Number((await c.one<{ n: number }>(`SELECT max(n_messages) n FROM conversations`))!.n)).toBeGreaterThan(POSITIONS);
    let pairsSeen = 0;
    const text = await textStore(WILDCHAT_CACHE);
    for (const { idx } of convs) {
      const want = new Map<string, number>();
      for (const m of text.read(Number(idx))) {
        const put = (t: string) => want.set(t, (want.get(t) ?? 0) | (1 << (m.pos % POSITIONS)));
        forEachTerm(m.text, (hi, lo) => put(((BigInt(hi) << 32n) | BigInt(lo)).toString()));
        // Frequent words next to each other (CJK between them does not count) give pair terms.
        const words = tokens(m.text)
          .filter((t) => !t.cjk)
          .map((t) => t.text);
        words.slice(1).forEach((b, i) => {
          if (isFrequentWord(words[i]!) && isFrequentWord(b)) {
            put(termId(pairTerm(words[i]!, b)));
            pairsSeen++;
          }
        });
      }
      const got = await c.all<{ term: string; msgs: number }>(`SELECT term::VARCHAR term, msgs FROM postings WHERE conv = ${idx}`);
      expect(new Map(got.map((r) => [r.term, Number(r.msgs)])), `conversation ${idx}`).toEqual(want);
    }
    expect(pairsSeen).toBeGreaterThan(0);
  });

  it('keeps an id above 2^53 exact', async () => {
    const c = await index(WILDCHAT_CACHE);
    const row = await c.one<{ id: string; tid: string }>(
      `SELECT c.id, (SELECT min(turn_identifier)::VARCHAR FROM messages m WHERE m.conv = c.idx) tid FROM conversations c WHERE c.id = '9007199254740993'`,
    );
    expect(row).toEqual({ id: '9007199254740993', tid: '9007199254740993' });
  });

  it('stores the moderation of empty messages as NULL, not zero', async () => {
    const c = await index(WILDCHAT_CACHE);
    const r = await c.one<{ n: string; scored: string }>(
      `SELECT count(*)::VARCHAR n, count(s_harassment)::VARCHAR scored FROM messages WHERE n_chars = 0`,
    );
    expect(Number(r!.n)).toBeGreaterThan(0);
    expect(r!.scored).toBe('0');
  });

  it('keeps conversations that share a hash apart', async () => {
    const c = await index(WILDCHAT_CACHE);
    const T = parquet(WILDCHAT.dir);
    const hash = await scalar<string>(
      `SELECT conversation_hash FROM ${T} GROUP BY 1 HAVING count(*) > 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const want = Number(await scalar(`SELECT count(*) FROM ${T} WHERE conversation_hash = '${hash}'`));
    expect(want).toBeGreaterThan(1);
    const got = await c.all<{ id: string }>('SELECT id FROM conversations WHERE conversation_hash = $1', [hash]);
    expect(got.length).toBe(want);
    expect(new Set(got.map((r) => r.id)).size).toBe(want);
  });

  it('ingests LMSYS-Chat-1M and WildChat-4.8M files', async () => {
    for (const fx of [LMSYS, FOUR_EIGHT]) {
      const cache = mkdtempSync(join(tmpdir(), 'ws-idx-'));
      const m = await buildIndex({ data: fx.dir, cache });
      expect(m.conversations).toBe(fx.conversations);
      expect(m.messages).toBe(Number(await scalar(`SELECT sum(len(conversation)) FROM ${parquet(fx.dir)}`)));
    }
  });

  it('refuses two dataset kinds in one index, naming the files', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ws-mixed-'));
    cpSync(join(LMSYS.dir, 'train-00000-of-00001.parquet'), join(data, 'a.parquet'));
    cpSync(join(WILDCHAT.dir, 'train-00000-of-00002.parquet'), join(data, 'b.parquet'));
    const err = await buildIndex({ data, cache: mkdtempSync(join(tmpdir(), 'ws-idx-')) }).catch((e) => e);
    expect(err.message).toContain('b.parquet');
    expect(err.message).toContain('one dataset holds one kind');
  });

  it('leaves the previous index serving when an ingest is killed halfway', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ws-kill-'));
    copyIndex(WILDCHAT_CACHE, cache);
    const copied = readdirSync(cache).find((f) => f.startsWith('text-'))!;
    const before = statSync(join(cache, INDEX_FILE));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], {
      env: { ...process.env, WILDSCOPE_DATA: LMSYS.dir, WILDSCOPE_CACHE: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        if (/\[tables\]/.test(String(d))) resolve();
      }),
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const after = statSync(join(cache, INDEX_FILE));
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    const c = await index(cache);
    expect((await c.one<{ n: string }>('SELECT count(*)::VARCHAR n FROM conversations'))!.n).toBe(String(WILDCHAT.conversations));
    // The next ingest clears what the killed one left and replaces the index whole.
    const m = await buildIndex({ data: LMSYS.dir, cache });
    expect(m.kind).toBe('lmsys');
    expect(readdirSync(cache).filter((f) => f.includes('.tmp') || f.startsWith('spill-'))).toEqual([]);
    expect(existsSync(join(cache, 'manifest.json'))).toBe(true);
    // The store of the index it replaced stays (a server may be reading it) until the next ingest.
    expect(
      readdirSync(cache)
        .filter((f) => f.startsWith('text-'))
        .sort(),
    ).toEqual([copied, m.text.file].sort());
    expect((await textStore(cache)).conversations).toBe(m.conversations);
  });
});
