// The one tokenizer, shared by ingest (postings) and search (queries), so both sides always agree.
// A word is a maximal run of letters, digits and underscore, lower-cased. Chinese and Japanese
// characters (Han, Hiragana, Katakana) are not words: each gives a unigram term, and each adjacent
// pair inside a run of them gives a bigram term. Terms are 64-bit hashes, kept as two uint32 halves.

const WORD = 1;
const CJK = 2;
const CLASS = new Uint8Array(65536);
{
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const word = /[\p{L}\p{N}_]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    CLASS[c] = cjk.test(ch) ? CJK : word.test(ch) ? WORD : 0;
  }
}

export const isCjkChar = (code: number): boolean => CLASS[code] === CJK;
export const isWordChar = (code: number): boolean => CLASS[code] === WORD;

/**
 * Two independent 32-bit FNV-1a style hashes of a string's UTF-16 code units; `foldAscii`
 * lower-cases A-Z on the way, so ASCII words hash without allocating a lower-cased copy.
 */
export function hashString(s: string, from = 0, to = s.length, foldAscii = false): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (foldAscii && c >= 65 && c <= 90) c += 32;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return [h1 >>> 0, h2 >>> 0];
}

/** The term id as DuckDB's UBIGINT, in decimal: how queries bind it. */
export function termId(s: string): string {
  const [hi, lo] = hashString(s);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** `word`: the term is a word, not a CJK unigram or bigram. */
export type TermSink = (hi: number, lo: number, word: boolean) => void;

/** Calls `emit` for every term of `text`, in order of appearance (repeats included). */
export function forEachTerm(text: string, emit: TermSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    if (k === 0) { i++; continue; }
    let j = i + 1;
    if (k === WORD) {
      let ascii = c < 128;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (CLASS[d] !== WORD) break;
        if (d >= 128) ascii = false;
        j++;
      }
      const [hi, lo] = ascii ? hashString(text, i, j, true) : hashString(text.slice(i, j).toLowerCase());
      emit(hi, lo, true);
    } else {
      while (j < n && CLASS[text.charCodeAt(j)] === CJK) j++;
      for (let p = i; p < j; p++) {
        let [hi, lo] = hashString(text, p, p + 1);
        emit(hi, lo, false);
        if (p + 1 < j) { [hi, lo] = hashString(text, p, p + 2); emit(hi, lo, false); }
      }
    }
    i = j;
  }
}

export interface Token { text: string; cjk: boolean }

/** The words and CJK runs of a query string, lower-cased, for building term lists and patterns. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = CLASS[text.charCodeAt(i)];
    if (k === 0) { i++; continue; }
    let j = i + 1;
    while (j < n && CLASS[text.charCodeAt(j)] === k) j++;
    out.push({ text: text.slice(i, j).toLowerCase(), cjk: k === CJK });
    i = j;
  }
  return out;
}

/** Term strings a token is indexed under: the word itself, or the unigram/bigrams of a CJK run. */
export function tokenTerms(t: Token): string[] {
  if (!t.cjk) return [t.text];
  if (t.text.length === 1) return [t.text];
  const grams: string[] = [];
  for (let p = 0; p + 1 < t.text.length; p++) grams.push(t.text.slice(p, p + 2));
  return grams;
}
