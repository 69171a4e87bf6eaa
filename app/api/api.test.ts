import { beforeAll, describe, expect, it } from 'vitest';
import { parquet, scalar } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { hasPhrase, hasWord } from '@/test/oracle';
import { call, send, type Handler } from '@/test/requests';

let routes: { list: Handler; one: Handler; turn: Handler; health: Handler; facets: Handler };

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  routes = {
    list: (await import('./conversations/route')).GET as unknown as Handler,
    one: (await import('./conversations/[id]/route')).GET as unknown as Handler,
    turn: (await import('./turns/[tid]/route')).GET as unknown as Handler,
    health: (await import('./health/route')).GET as unknown as Handler,
    facets: (await import('./facets/route')).GET as unknown as Handler,
  };
});

describe('JSON API on the fixture index', () => {
  it('reports health with numbers and strings', async () => {
    const r = await call(routes.health, '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'wildchat', conversations: WILDCHAT.conversations });
    expect(typeof r.body.messages).toBe('number');
    expect(typeof r.body.built_at).toBe('string');
  });

  it('returns an id above 2^53 unchanged, as a string, in JSON text too', async () => {
    const r = await call(routes.one, '/api/conversations/9007199254740993', { id: '9007199254740993' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('"id":"9007199254740993"');
    expect(r.body.messages[0].turn_identifier).toBe('9007199254740993');
    expect(r.body.messages.length).toBe(
      Number(
        await scalar(`SELECT len(conversation) FROM ${parquet(WILDCHAT.dir)} WHERE conversation[1].turn_identifier = 9007199254740993`),
      ),
    );
    const t = await call(routes.turn, '/api/turns/9007199254740993', { tid: '9007199254740993' });
    expect(t.body).toEqual({ conversation_id: '9007199254740993', turn_identifier: '9007199254740993', dataset: 'wildchat', also_in: [] });
  });

  it('answers 404 for unknown ids and 404 or 400 for malformed ones', async () => {
    expect((await call(routes.one, '/api/conversations/1', { id: '1' })).status).toBe(404);
    for (const id of ['abc', '9'.repeat(500), '..%2F..%2Fetc%2Fpasswd', '99999999999999999999']) {
      expect([400, 404]).toContain((await call(routes.one, `/api/conversations/x`, { id })).status);
      expect([400, 404]).toContain((await call(routes.turn, `/api/turns/x`, { tid: id })).status);
    }
  });

  it('counts filters like DuckDB and refuses bad parameters by name', async () => {
    const T = parquet(WILDCHAT.dir);
    const lang = await scalar<string>(`SELECT language FROM ${T} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const r = await call(routes.list, `/api/conversations?language=${encodeURIComponent(lang)}&turns_min=2`);
    expect(r.body.total).toBe(Number(await scalar(`SELECT count(*) FROM ${T} WHERE language = '${lang}' AND turn >= 2`)));
    const bad = await call(routes.list, '/api/conversations?limit=-5');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('limit');
    const hostile = await call(routes.list, `/api/conversations?language=${encodeURIComponent("English' OR '1'='1")}`);
    expect(hostile.body.total).toBe(0);
    const f = await call(routes.facets, `/api/facets?language=${encodeURIComponent(lang)}`);
    const own = f.body.language.find((x: { value: string }) => x.value === lang);
    expect(own.count).toBe(Number(await scalar(`SELECT count(*) FROM ${T} WHERE language = '${lang}'`)));
  });

  it('ranks the top users as DuckDB does, ties at the 50th place and small selections included', async () => {
    const T = parquet(WILDCHAT.dir);
    const { duck } = await import('@/test/duck');
    const c = await duck();
    const countries = await c.all<{ v: string; n: number }>(
      `SELECT country v, count(*)::INTEGER n FROM ${T} WHERE country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    // Everything; the largest country (ties among the 50 largest users likely); a small one (every user ties).
    const cases: [string, string][] = [
      ['', 'true'],
      [`country=${encodeURIComponent(countries[0]!.v)}`, `country = '${countries[0]!.v.replace(/'/g, "''")}'`],
      [`country=${encodeURIComponent(countries.at(-1)!.v)}`, `country = '${countries.at(-1)!.v.replace(/'/g, "''")}'`],
      ['q=the', hasWord('the')],
    ];
    let tiedAtCut = 0;
    for (const [qs, where] of cases) {
      const want = await c.all<{ value: string | null; count: number }>(
        `SELECT hashed_ip AS value, count(*)::INTEGER AS count FROM ${T} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`,
      );
      const f = await call(routes.facets, `/api/facets?${qs}`);
      expect(f.body.hashed_ip, qs).toEqual(want.slice(0, 50));
      if (want.length > 50 && want[49]!.count === want[50]!.count) tiedAtCut++;
    }
    expect(tiedAtCut).toBeGreaterThan(0);
  });

  it('orders a one-word search by relevance: conversations using the word more often come first', async () => {
    const r = await call(routes.list, '/api/conversations?q=the&sort=relevance&limit=60');
    const uses: number[] = [];
    for (const row of r.body.rows as { id: string }[]) {
      const c = await call(routes.one, `/api/conversations/${row.id}`, { id: row.id });
      uses.push(
        (c.body.messages as { content: string }[]).reduce(
          (n, m) => n + (m.content.match(/(?<![\p{L}\p{N}_])the(?![\p{L}\p{N}_])/giu)?.length ?? 0),
          0,
        ),
      );
    }
    expect(uses.length).toBe(60);
    for (let i = 1; i < uses.length; i++) expect(uses[i], `row ${i}`).toBeLessThanOrEqual(uses[i - 1]!);
    expect(uses[0]).toBeGreaterThan(uses[uses.length - 1]!);
  });

  it('gives each searched row a snippet of its first matching message, the word in it', async () => {
    const r = await call(routes.list, '/api/conversations?q=the&role=user&limit=100');
    expect(r.body.rows.length).toBeGreaterThan(0);
    for (const row of r.body.rows as { id: string; snippet: string }[]) {
      expect(row.snippet).toMatch(/(^|[^\p{L}\p{N}_])the([^\p{L}\p{N}_]|$)/iu);
      const c = await call(routes.one, `/api/conversations/${row.id}`, { id: row.id });
      const first = (c.body.messages as { role: string; content: string }[]).find(
        (m) => m.role === 'user' && /(^|[^\p{L}\p{N}_])the([^\p{L}\p{N}_]|$)/iu.test(m.content),
      )!;
      const words = row.snippet.replace(/…/g, '').trim().split(' ').slice(1, -1).join(' ');
      expect(first.content.replace(/\s+/g, ' ')).toContain(words);
    }
    const one = await call(routes.list, '/api/conversations?q=the&limit=1');
    expect(one.status).toBe(200);
    expect(one.body.rows[0].snippet).toMatch(/(^|[^\p{L}\p{N}_])the([^\p{L}\p{N}_]|$)/iu);
    const plain = await call(routes.list, '/api/conversations?limit=5');
    expect(plain.body.rows[0]).not.toHaveProperty('snippet');
  });

  it('takes the snippet from the first message holding the word, in a long conversation too', async () => {
    const T = parquet(WILDCHAT.dir);
    const id = await scalar<string>(`SELECT conversation[1].turn_identifier::VARCHAR FROM ${T} ORDER BY len(conversation) DESC LIMIT 1`);
    const messages = (await call(routes.one, `/api/conversations/${id}`, { id })).body.messages as { content: string }[];
    expect(messages.length).toBeGreaterThan(34);
    const wordsOf = (t: string) => new Set(t.toLowerCase().match(/[a-z]{6,}/g) ?? []);
    const earlier = new Set(messages.slice(0, 33).flatMap((m) => [...wordsOf(m.content)]));
    // A word first said in a message past position 32, in none before it: the snippet must come from that message.
    const at = messages.findIndex((m, i) => i > 32 && [...wordsOf(m.content)].some((w) => !earlier.has(w)));
    expect(at).toBeGreaterThan(32);
    const word = [...wordsOf(messages[at]!.content)].find((w) => !earlier.has(w))!;
    const r = await call(routes.list, `/api/conversations?q=${word}&limit=200`);
    const row = (r.body.rows as { id: string; snippet: string }[]).find((x) => x.id === id)!;
    expect(row.snippet).toMatch(new RegExp(`(^|[^\\p{L}\\p{N}_])${word}([^\\p{L}\\p{N}_]|$)`, 'iu'));
    const words = row.snippet.replace(/…/g, '').trim().split(' ').slice(1, -1).join(' ');
    expect(messages[at]!.content.replace(/\s+/g, ' ')).toContain(words);
  });

  it('confirms phrases with few candidates and with many, totals and facets as DuckDB counts them', async () => {
    const T = parquet(WILDCHAT.dir);
    const text = await scalar<string>(`SELECT m.content FROM (SELECT unnest(conversation) m FROM ${T})
      WHERE regexp_matches(m.content, '(^|\\s)[a-z]{7,} [a-z]{7,}(\\s|$)') ORDER BY m.content LIMIT 1`);
    const rare = /(?:^|\s)([a-z]{7,}) ([a-z]{7,})(?:\s|$)/.exec(text)!.slice(1);
    // A phrase of frequent words and one of rare words, each again upper-cased (no search reused).
    const candidates = async (ws: string[]) =>
      Number(await scalar(`SELECT count(*) FROM ${T} WHERE ${ws.map((w) => hasWord(w)).join(' AND ')}`));
    expect(await candidates(rare)).toBeLessThanOrEqual(200);
    for (const [ws, upper] of [
      [['of', 'the'], false],
      [rare, false],
      [['of', 'the'], true],
      [rare, true],
    ] as const) {
      const phrase = hasPhrase(ws);
      const q = encodeURIComponent(`"${upper ? ws.join(' ').toUpperCase() : ws.join(' ')}"`);
      const r = await call(routes.list, `/api/conversations?q=${q}&limit=5`);
      expect(r.body.total, ws.join(' ')).toBe(Number(await scalar(`SELECT count(*) FROM ${T} WHERE ${phrase}`)));
      expect(r.body.total).toBeGreaterThan(0);
      const lang = await scalar<string>(`SELECT language FROM ${T} WHERE ${phrase} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
      const f = await call(routes.facets, `/api/facets?q=${q}&language=${encodeURIComponent(lang)}`);
      const want = await (
        await import('@/test/duck')
      )
        .duck()
        .then((c) =>
          c.all<{ value: string; count: number }>(
            `SELECT country AS value, count(*)::INTEGER AS count FROM ${T} WHERE ${phrase} AND language = '${lang}' GROUP BY 1`,
          ),
        );
      for (const w of want) expect(f.body.country.find((x: { value: string }) => x.value === w.value)?.count, w.value).toBe(w.count);
      const ownLang = await scalar(`SELECT count(*) FROM ${T} WHERE ${phrase} AND language = '${lang}'`);
      expect(f.body.language.find((x: { value: string }) => x.value === lang).count).toBe(Number(ownLang));
    }
  });

  it('excludes phrases with few candidates and with many, in any message, as DuckDB counts them', async () => {
    const T = parquet(WILDCHAT.dir);
    const text = await scalar<string>(`SELECT m.content FROM (SELECT unnest(conversation) m FROM ${T})
      WHERE regexp_matches(m.content, '(^|\\s)[a-z]{7,} [a-z]{7,}(\\s|$)') ORDER BY m.content LIMIT 1`);
    const rare = /(?:^|\s)([a-z]{7,}) ([a-z]{7,})(?:\s|$)/.exec(text)!.slice(1);
    for (const [w, ex, upper] of [
      ['the', ['of', 'the'], false],
      [rare[0], rare, false],
      ['the', ['of', 'the'], true],
      [rare[0], rare, true],
    ] as const) {
      const exq = upper ? ex.join(' ').toUpperCase() : ex.join(' ');
      const r = await call(routes.list, `/api/conversations?q=${encodeURIComponent(`${w} -"${exq}"`)}&role=user&limit=5`);
      const kept = Number(await scalar(`SELECT count(*) FROM ${T} WHERE ${hasWord(w!)} AND NOT ${hasPhrase(ex!)}`));
      const all = Number(await scalar(`SELECT count(*) FROM ${T} WHERE ${hasWord(w!)}`));
      expect(kept).toBeLessThan(all);
      // role=user scopes the words, not the exclusion: a phrase in any message excludes.
      const userWord = Number(await scalar(`SELECT count(*) FROM ${T} WHERE ${hasWord(w!, 'user')} AND NOT ${hasPhrase(ex!)}`));
      expect(r.body.total, `${w} -"${ex.join(' ')}"`).toBe(userWord);
      expect(r.body.total).toBeGreaterThan(0);
    }
  });

  it('exports JSONL in the listing order, each line with the same messages as the conversation API', async () => {
    const jsonl = (await import('./conversations.jsonl/route')).GET as unknown as Handler;
    const res = await send(jsonl, '/api/conversations.jsonl?sort=oldest');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; messages: unknown[] });
    expect(lines.length).toBe(WILDCHAT.conversations); // more than one batch
    const order = await call(routes.list, '/api/conversations?sort=oldest&limit=200&offset=200');
    expect(lines.slice(200, 400).map((l) => l.id)).toEqual(order.body.rows.map((r: { id: string }) => r.id));
    for (const i of [0, 199, 200, 257, 399]) {
      const one = await call(routes.one, `/api/conversations/${lines[i]!.id}`, { id: lines[i]!.id });
      expect(lines[i]!.messages).toEqual(one.body.messages);
    }
  });
});
