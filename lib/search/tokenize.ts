// The one tokenizer, shared by ingest (postings) and search (queries), so both sides always agree.
// Text is first put in its searched form (script.ts: Arabic harakat and tatweel folded, then NFC).
// A word is a maximal run of letters, digits and underscore, with the combining marks that follow
// them (Devanagari vowel signs, Hebrew niqqud), lower-cased; a mark after no word is a separator.
// Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are not
// words: each character of a run gives a unigram term, and each adjacent pair a bigram term.
// Terms are 64-bit hashes, kept as two uint32 halves.
import { SEQUENCE_SCRIPTS, searchForm } from './script';

const SEP = 0;
const WORD = 1;
const SEQ = 2;
const MARK = 3;
const KIND = 3;
/** Flag: the searched form of a text holding this code unit may differ from the text. */
const CHANGES = 4;
/** Flag: the code unit may combine with what precedes it (canonical combining class > 0, or it composes with it). */
const COMBINES = 8;
// Indexed by a UTF-16 code unit, so every read is in range (CLASS[c]!).
const CLASS = new Uint8Array(65536);
{
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const sequence = /[\p{L}\p{N}\p{M}]/u;
  const word = /[\p{L}\p{N}_]/u;
  const mark = /\p{M}/u;
  const folded = /[\u0640\u064b-\u0652\u0670]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    CLASS[c] = cjk.test(ch) || (SEQUENCE_SCRIPTS.test(ch) && sequence.test(ch)) ? SEQ : word.test(ch) ? WORD : mark.test(ch) ? MARK : SEP;
  }
  const flag = (c: number, f: number) => {
    CLASS[c]! |= f;
  };
  // Below U+0300, and in the unified ideographs and Hangul syllables, nothing changes under NFC.
  const plain = (c: number) => c < 0x300 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
  for (let c = 0; c < 65536; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || plain(c)) continue;
    const ch = String.fromCharCode(c);
    const nfd = ch.normalize('NFD');
    if (nfd !== ch) {
      if (ch.normalize('NFC') !== ch) flag(c, CHANGES);
      // The marks a composed character decomposes into compose with what precedes them.
      for (let i = 1; i < nfd.length; i++) flag(nfd.charCodeAt(i), CHANGES | COMBINES);
    }
    if (mark.test(ch)) {
      // A non-zero combining class reorders against its neighbours: q + U+0301 (230) or + U+0334 (1) around it tells.
      const low = `q\u0301${ch}`;
      const high = `q${ch}\u0334`;
      if (low.normalize('NFC') !== low || high.normalize('NFC') !== high) flag(c, CHANGES | COMBINES);
    }
    if (folded.test(ch)) flag(c, CHANGES);
  }
  // Hangul vowel and final jamo compose with the syllable before them.
  for (let c = 0x1161; c <= 0x1175; c++) flag(c, CHANGES | COMBINES);
  for (let c = 0x11a8; c <= 0x11c2; c++) flag(c, CHANGES | COMBINES);
  // Characters beyond the BMP (surrogate pairs, separators here) are looked at by their high
  // surrogate: any but emoji (U+1F000-U+1FBFF) may change or combine, as far as this table knows.
  for (let c = 0xd800; c <= 0xdbff; c++) if (c < 0xd83c || c > 0xd83e) flag(c, CHANGES | COMBINES);
}

export const isCjkChar = (code: number): boolean => (CLASS[code]! & KIND) === SEQ;
export const isWordChar = (code: number): boolean => (CLASS[code]! & KIND) === WORD;
/** Whether the searched form of a text may differ where this code unit is. */
export const mayChange = (code: number): boolean => (CLASS[code]! & CHANGES) !== 0;
/** Whether this code unit may combine with the character before it (so NFC may change that one). */
export const mayCombine = (code: number): boolean => (CLASS[code]! & COMBINES) !== 0;

/**
 * Where the searched form of `s` may first differ from `s`, given that nothing before code unit `i`
 * can change: the character before `i` (it may compose with a mark at `i`), whole if a surrogate pair.
 * Nothing before it changes: it is a starter, and no mark can reach past it.
 */
function changeFrom(s: string, i: number): number {
  if (i === 0) return 0;
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
}

/** The text as searched (script.ts's searchForm), the text itself when nothing in it can change. */
export function normalizeText(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (CLASS[s.charCodeAt(i)]! & CHANGES) {
      const k = changeFrom(s, i);
      return s.slice(0, k) + searchForm(s.slice(k));
    }
  }
  return s;
}

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

/** `word`: the term is a word, not a unigram or bigram of a run without spaces. */
export type TermSink = (hi: number, lo: number, word: boolean) => void;

/**
 * Calls `emit` for every term of `text`'s searched form, in order of appearance (repeats
 * included). This loop takes words and runs that end at a plain separator, as nearly all do; at
 * anything else (a mark, a character that may change) the general loop takes over from that token.
 */
export function forEachTerm(text: string, emit: TermSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    if (k === SEP) {
      i++;
      continue;
    }
    let j = i + 1;
    if (k === WORD) {
      let ascii = c < 128;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (CLASS[d] !== WORD) break;
        if (d >= 128) ascii = false;
        j++;
      }
      if (j < n && CLASS[text.charCodeAt(j)] !== SEP && CLASS[text.charCodeAt(j)] !== SEQ) {
        forEachTermFrom(text, i, emit);
        return;
      }
      const [hi, lo] = ascii ? hashString(text, i, j, true) : hashString(text.slice(i, j).toLowerCase());
      emit(hi, lo, true);
    } else if (k === SEQ) {
      while (j < n && CLASS[text.charCodeAt(j)] === SEQ) j++;
      if (j < n && CLASS[text.charCodeAt(j)] !== SEP && CLASS[text.charCodeAt(j)] !== WORD) {
        forEachTermFrom(text, i, emit);
        return;
      }
      for (let p = i; p < j; p++) {
        let [hi, lo] = hashString(text, p, p + 1);
        emit(hi, lo, false);
        if (p + 1 < j) {
          [hi, lo] = hashString(text, p, p + 2);
          emit(hi, lo, false);
        }
      }
    } else {
      forEachTermFrom(text, i, emit);
      return;
    }
    i = j;
  }
}

/**
 * forEachTerm from code unit `i` (the start of a token, or of a separator) on, in general: marks,
 * and the searched form taken from the first code unit that may change.
 */
function forEachTermFrom(text: string, i: number, emit: TermSink): void {
  let n = text.length;
  let normal = false; // text from here on is in its searched form
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = CLASS[c]!;
    if (k === SEP) {
      i++;
      continue;
    }
    if (!normal && k & CHANGES) {
      // Nothing before i can change, and no token is under way: go on from the searched form.
      const from = changeFrom(text, i);
      text = text.slice(0, from) + searchForm(text.slice(from));
      n = text.length;
      normal = true;
      i = from;
      continue;
    }
    const kind = k & KIND;
    // A mark after no word is a separator.
    if (kind === MARK) {
      i++;
      continue;
    }
    let j = i + 1;
    let restart = false;
    if (kind === WORD) {
      let ascii = c < 128;
      while (j < n) {
        const d = text.charCodeAt(j);
        const e = CLASS[d]!;
        if (e === WORD) {
          if (d >= 128) ascii = false;
          j++;
          continue;
        }
        if (!normal && e & CHANGES) {
          restart = true;
          break;
        }
        if ((e & KIND) !== WORD && (e & KIND) !== MARK) break;
        ascii = false;
        j++;
      }
      if (!restart) {
        const [hi, lo] = ascii ? hashString(text, i, j, true) : hashString(text.slice(i, j).toLowerCase());
        emit(hi, lo, true);
      }
    } else {
      while (j < n) {
        const e = CLASS[text.charCodeAt(j)]!;
        if (e === SEQ) {
          j++;
          continue;
        }
        if (!normal && e & CHANGES) {
          restart = true;
          break;
        }
        if ((e & KIND) !== SEQ && (e & KIND) !== MARK) break;
        j++;
      }
      if (!restart) {
        for (let p = i; p < j; p++) {
          let [hi, lo] = hashString(text, p, p + 1);
          emit(hi, lo, false);
          if (p + 1 < j) {
            [hi, lo] = hashString(text, p, p + 2);
            emit(hi, lo, false);
          }
        }
      }
    }
    if (restart) {
      // The token starts with a character that nothing can change or combine with: redo it from the searched form.
      text = text.slice(0, i) + searchForm(text.slice(i));
      n = text.length;
      normal = true;
      continue;
    }
    i = j;
  }
}

/** A word, or a run of a script without spaces (`cjk`), lower-cased, in its searched form. */
export interface Token {
  text: string;
  cjk: boolean;
}

/**
 * The words and runs of a query string (in its searched form), for building term lists and
 * patterns; `keepCase` leaves their letters as written (the vocabulary's surface forms).
 */
export function tokens(text: string, keepCase = false): Token[] {
  text = normalizeText(text);
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = CLASS[text.charCodeAt(i)]! & KIND;
    if (kind === SEP || kind === MARK) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < n; j++) {
      const e = CLASS[text.charCodeAt(j)]! & KIND;
      if (e !== kind && e !== MARK) break;
    }
    const t = text.slice(i, j);
    out.push({ text: keepCase ? t : t.toLowerCase(), cjk: kind === SEQ });
    i = j;
  }
  return out;
}

/** Term strings a token is indexed under: the word itself, or the unigram/bigrams of a run without spaces. */
export function tokenTerms(t: Token): string[] {
  if (!t.cjk) return [t.text];
  if (t.text.length === 1) return [t.text];
  const grams: string[] = [];
  for (let p = 0; p + 1 < t.text.length; p++) grams.push(t.text.slice(p, p + 2));
  return grams;
}
