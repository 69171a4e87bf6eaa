import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duck, parquet, scalar } from '../../test/duck';
import { FOUR_EIGHT, LMSYS, WILDCHAT, WILDCHAT_CACHE } from '../../test/fixtures';
import { INDEX_FILE } from '../config';
import { Database, type Connection } from '../db/duckdb';
import { POSITIONS } from '../search/positions';
import { isFrequentWord, pairTerm } from '../search/pairs';
import { forEachTerm, termId, tokens } from '../search/tokenize';
import { buildIndex } from './build';

const opened: Database[] = [];
async function index(cache: string): Promise<Connection> {
  const db = await Database.open(join(cache, INDEX_FILE), { readOnly: true, threads: 1 });
  opened.push(db);
  return db.connect();
}
afterAll(() => opened.forEach((d) => d.close()));

describe('ingest', () => {
  it('counts what DuckDB counts straight from the Parquet', async () => {
    const c = await index(WILDCHAT_CACHE);
    const T = parquet(WILDCHAT.dir);
    const n = async (sql: string) => Number((await c.one<{ n: string }>(sql))!.n);
    expect(await n('SELECT count(*) n FROM conversations')).toBe(Number(await scalar(`SELECT count(*) FROM ${T}`)));
    expect(await n('SELECT count(*) n FROM messages')).toBe(Number(await scalar(`SELECT sum(len(conversation)) FROM ${T}`)));
    // Listings read a page's rows by rowid (lib/queries/conversations.ts): it must be the row number.
    expect(await n('SELECT count(*) n FROM conversations WHERE rowid <> idx')).toBe(0);
    const byLang = await c.all<{ language: string; n: string }>('SELECT language, count(*)::VARCHAR n FROM conversations GROUP BY 1 ORDER BY 1');
    const want = await (await duck()).all<{ language: string; n: string }>(`SELECT language, count(*)::VARCHAR n FROM ${T} GROUP BY 1 ORDER BY 1`);
    expect(byLang).toEqual(want);
    expect(await n('SELECT count(*) n FROM conversations WHERE toxic')).toBe(Number(await scalar(`SELECT count(*) FROM ${T} WHERE toxic`)));
    expect(await n('SELECT count(*) n FROM conversations WHERE flagged')).toBe(
      Number(await scalar(`SELECT count(*) FROM ${T} WHERE list_bool_or(list_transform(openai_moderation, o -> o.flagged))`)));
    const maxHarass = await c.one<{ v: number }>('SELECT max(m_harassment_threatening) v FROM conversations');
    expect(maxHarass!.v).toBeCloseTo(Number(await scalar(`SELECT max(o.category_scores."harassment/threatening") FROM (SELECT unnest(openai_moderation) o FROM ${T})`)), 12);
  });

  it('places each term and pair of frequent words in the messages that hold it (positions modulo 8), in long conversations too', async () => {
    const c = await index(WILDCHAT_CACHE);
    const convs = await c.all<{ idx: number }>('SELECT idx FROM conversations ORDER BY n_messages DESC, idx LIMIT 3');
    convs.push(...await c.all<{ idx: number }>('SELECT idx FROM conversations WHERE n_messages > 1 ORDER BY idx LIMIT 3'));
    expect(Number((await c.one<{ n: number }>(`SELECT max(n_messages) n FROM conversations`))!.n)).toBeGreaterThan(POSITIONS);
    let pairsSeen = 0;
    for (const { idx } of convs) {
      const want = new Map<string, number>();
      for (const m of await c.all<{ pos: number; content: string }>(`SELECT pos, content FROM messages WHERE conv = ${idx} ORDER BY pos`)) {
        const put = (t: string) => want.set(t, (want.get(t) ?? 0) | (1 << (Number(m.pos) % POSITIONS)));
        forEachTerm(m.content ?? '', (hi, lo) => put((BigInt(hi) << 32n | BigInt(lo)).toString()));
        // Frequent words next to each other (CJK between them does not count) give pair terms.
        const words = tokens(m.content ?? '').filter((t) => !t.cjk).map((t) => t.text);
        words.slice(1).forEach((b, i) => {
          if (isFrequentWord(words[i]) && isFrequentWord(b)) { put(termId(pairTerm(words[i], b))); pairsSeen++; }
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
      `SELECT c.id, (SELECT min(turn_identifier)::VARCHAR FROM messages m WHERE m.conv = c.idx) tid FROM conversations c WHERE c.id = '9007199254740993'`);
    expect(row).toEqual({ id: '9007199254740993', tid: '9007199254740993' });
  });

  it('stores the moderation of empty messages as NULL, not zero', async () => {
    const c = await index(WILDCHAT_CACHE);
    const r = await c.one<{ n: string; scored: string }>(
      `SELECT count(*)::VARCHAR n, count(s_harassment)::VARCHAR scored FROM messages WHERE content = ''`);
    expect(Number(r!.n)).toBeGreaterThan(0);
    expect(r!.scored).toBe('0');
  });

  it('keeps conversations that share a hash apart', async () => {
    const c = await index(WILDCHAT_CACHE);
    const T = parquet(WILDCHAT.dir);
    const hash = await scalar<string>(`SELECT conversation_hash FROM ${T} GROUP BY 1 HAVING count(*) > 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
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
    expect(err.message).toContain('one index holds one dataset kind');
  });

  it('leaves the previous index serving when an ingest is killed halfway', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ws-kill-'));
    cpSync(join(WILDCHAT_CACHE, INDEX_FILE), join(cache, INDEX_FILE));
    const before = statSync(join(cache, INDEX_FILE));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], {
      env: { ...process.env, WILDSCOPE_DATA: LMSYS.dir, WILDSCOPE_CACHE: cache }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => { if (/\[tables\]/.test(String(d))) resolve(); }));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const after = statSync(join(cache, INDEX_FILE));
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    const c = await index(cache);
    expect((await c.one<{ n: string }>('SELECT count(*)::VARCHAR n FROM conversations'))!.n).toBe(String(WILDCHAT.conversations));
    // The next ingest clears what the killed one left and replaces the index whole.
    const m = await buildIndex({ data: LMSYS.dir, cache });
    expect(m.kind).toBe('lmsys');
    expect(readdirSync(cache).filter((f) => f.includes('.tmp-') || f.startsWith('spill-'))).toEqual([]);
    expect(existsSync(join(cache, 'manifest.json'))).toBe(true);
  });
});
