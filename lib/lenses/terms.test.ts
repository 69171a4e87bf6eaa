import { beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '@/lib/db/duckdb';
import { FREQUENT_WORDS } from '@/lib/search/pairs';
import { PRIOR_WEIGHT } from '@/lib/lenses/log-odds';
import { duck, parquet } from '@/test/duck';
import { hasWord } from '@/test/oracle';
import { PLANTED, plantedIndex } from '@/test/planted';
import { call, type Handler } from '@/test/requests';

let terms: Handler;
let dir: string;
let index: Connection;

beforeAll(async () => {
  const p = await plantedIndex('terms');
  dir = p.dir;
  process.env.WILDSCOPE_CACHE = p.cache;
  terms = (await import('@/app/api/terms/route')).GET as unknown as Handler;
  index = await (await Database.open(`${p.cache}/index.duckdb`, { readOnly: true, threads: 1 })).connect();
});

const SEQ = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';

/** Conversations of the Parquet where `where` holds and that hold the word, counted by DuckDB. */
async function countWord(word: string, where = 'true'): Promise<number> {
  // Characters of scripts without spaces are matched as a sequence, anywhere.
  const holds = new RegExp(`^[${SEQ}]+$`, 'u').test(word)
    ? `list_bool_or([contains(m.content, '${word}') FOR m IN conversation])`
    : hasWord(word);
  const r = await (await duck()).one<{ n: string }>(`SELECT count(*) AS n FROM ${parquet(dir)} WHERE (${where}) AND ${holds}`);
  return Number(r!.n);
}

// The documented tokenizer, written again here: words (letters, digits, underscore and the marks
// after them) case-folded; runs of scripts without spaces as their characters and character
// pairs; pairs of the listed frequent words that follow one another. Text in NFC, harakat out.
const TOKEN = new RegExp(`([${SEQ}][${SEQ}\\p{M}]*)|((?:(?![${SEQ}])[\\p{L}\\p{N}_])(?:(?![${SEQ}])[\\p{L}\\p{N}_\\p{M}])*)`, 'gu');
const FREQUENT = new Set(FREQUENT_WORDS);
function termsOf(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of texts) {
    const text = raw.normalize('NFC').replace(/[\u0640\u064b-\u0652\u0670]/g, '');
    let previous: string | undefined;
    for (const m of text.matchAll(TOKEN)) {
      if (m[1]) {
        for (let i = 0; i < m[1].length; i++) {
          out.add(m[1][i]!);
          if (i + 1 < m[1].length) out.add(m[1].slice(i, i + 2));
        }
        continue;
      }
      const w = m[2]!.toLowerCase();
      out.add(w);
      const f = FREQUENT.has(w) ? w : undefined;
      if (f && previous) out.add(`${previous} ${f}`);
      previous = f;
    }
  }
  return out;
}

/** Each conversation's number of distinct terms by the tokenizer above, from the Parquet, where `where` holds. */
async function sizes(where = 'true'): Promise<number[]> {
  const rows = await (
    await duck()
  ).all<{ texts: string[] }>(`SELECT [coalesce(m.content, '') FOR m IN conversation] AS texts FROM ${parquet(dir)} WHERE ${where}`);
  return rows.map((r) => termsOf(r.texts).size);
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Monroe, Colaresi and Quinn (2008), eq. 16 and 18-20, with the informative prior alpha_w = alpha_0 * y_w / n. */
function referenceZ(ya: number, na: number, yb: number, nb: number, yw: number, n: number): number {
  const a = (PRIOR_WEIGHT * yw) / n;
  const omegaA = (ya + a) / (na + PRIOR_WEIGHT - ya - a);
  const omegaB = (yb + a) / (nb + PRIOR_WEIGHT - yb - a);
  const variance = 1 / (ya + a) + 1 / (yb + a);
  return (Math.log(omegaA) - Math.log(omegaB)) / Math.sqrt(variance);
}

const A = `model = '${PLANTED.a.model}'`;
const B = `model = '${PLANTED.b.model}'`;

describe('distinctive terms', () => {
  it('counts conversations holding each term as DuckDB does on the Parquet, in the selection and in the whole dataset', async () => {
    const r = await call(terms, '/api/terms?language=English&limit=25');
    expect(r.status).toBe(200);
    expect(r.body.terms.length).toBeGreaterThan(10);
    for (const t of r.body.terms) {
      expect({ term: t.term, count: t.count }).toEqual({ term: t.term, count: await countWord(t.term, `language = 'English'`) });
      expect({ term: t.term, total: t.total }).toEqual({ term: t.term, total: await countWord(t.term) });
    }
  });

  it('counts the comparison side as DuckDB does when vs is a filter', async () => {
    const r = await call(terms, `/api/terms?model=${PLANTED.a.model}&vs=${encodeURIComponent(`model=${PLANTED.b.model}`)}&limit=15`);
    expect(r.status).toBe(200);
    for (const t of r.body.terms) {
      expect([t.term, t.count, t.total]).toEqual([t.term, await countWord(t.term, A), await countWord(t.term, B)]);
    }
  });

  it('holds each conversation size the tokenizer rules give from the Parquet', async () => {
    const expected = await sizes();
    const got = await index.all<{ n: number }>(
      'SELECT coalesce(d.n, 0)::INTEGER AS n FROM conversations c LEFT JOIN lens_docs d ON d.conv = c.idx ORDER BY c.idx',
    );
    expect(got.map((r) => r.n)).toEqual(expected);
  });

  it('scores every term as the reference weighted log-odds with an informative Dirichlet prior does', async () => {
    const r = await call(terms, `/api/terms?model=${PLANTED.a.model}&vs=${encodeURIComponent(`model=${PLANTED.b.model}`)}&limit=20`);
    const [na, nb, n] = [sum(await sizes(A)), sum(await sizes(B)), sum(await sizes())];
    expect(r.body.terms.length).toBeGreaterThan(3);
    for (const t of r.body.terms) {
      const z = referenceZ(await countWord(t.term, A), na, await countWord(t.term, B), nb, await countWord(t.term), n);
      expect(t.z).toBeCloseTo(z, 2);
    }
    const vsAll = await call(terms, '/api/terms?language=French&limit=10');
    const [nf, nAll] = [sum(await sizes(`language = 'French'`)), n];
    for (const t of vsAll.body.terms) {
      const total = await countWord(t.term);
      expect(t.z).toBeCloseTo(referenceZ(await countWord(t.term, `language = 'French'`), nf, total, nAll, total, nAll), 2);
    }
    const zs = r.body.terms.map((t: { z: number }) => t.z);
    expect(zs).toEqual([...zs].sort((p, q) => q - p));
  });

  it('ranks first a word planted in one selection only, in its most common spelling', async () => {
    const vs = await call(terms, `/api/terms?model=${PLANTED.a.model}&vs=${encodeURIComponent(`model=${PLANTED.b.model}`)}&limit=5`);
    expect(vs.body.terms[0].term).toBe(PLANTED.a.word);
    const other = await call(terms, `/api/terms?model=${PLANTED.b.model}&vs=${encodeURIComponent(`model=${PLANTED.a.model}`)}&limit=5`);
    expect(other.body.terms[0].term).toBe(PLANTED.b.word);
    const all = await call(terms, `/api/terms?model=${PLANTED.a.model}&limit=5`);
    expect(all.body.terms[0]).toMatchObject({ term: PLANTED.a.word, count: await countWord(PLANTED.a.word, A) });
  });

  it('leaves stop words and rare terms out', async () => {
    const r = await call(terms, '/api/terms?language=English&limit=200');
    const words = r.body.terms.map((t: { term: string }) => t.term.toLowerCase());
    for (const w of ['the', 'and', 'of', 'a', 'is']) expect(words).not.toContain(w);
    for (const t of r.body.terms) expect(t.count).toBeGreaterThanOrEqual(3);
  });

  it('names the bad parameter: vs, or the filter', async () => {
    const bad = await call(terms, `/api/terms?vs=${encodeURIComponent('colour=red')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('vs');
    expect(bad.body.error).toContain('colour');
    const twice = await call(terms, '/api/terms?vs=a&vs=b');
    expect(twice.body.parameter).toBe('vs');
    const lim = await call(terms, '/api/terms?limit=0');
    expect(lim.body.parameter).toBe('limit');
  });

  it('answers nothing for an empty selection', async () => {
    const r = await call(terms, '/api/terms?hashed_ip=nobody');
    expect(r.body).toEqual({ terms: [] });
  });
});
