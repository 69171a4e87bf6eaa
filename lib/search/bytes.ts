// Tests of a search check (query.ts) on a message's UTF-8 bytes, run before its text is decoded:
// confirming a phrase at WildChat scale reads hundreds of MB of candidate messages, and turning
// them into strings was most of its time. The verdict is NO only when the check rejects the
// message, YES only when it accepts it; MAYBE leaves the message to the check itself.
import type { Check } from './query';
import { mayChange, mayCombine } from './tokenize';

export const NO = 0;
export const MAYBE = 1;
export const YES = 2;
export type Verdict = typeof NO | typeof MAYBE | typeof YES;

/** The verdict on bytes [start, end) of `buf`. */
export type ByteTest = (buf: Buffer, start: number, end: number) => Verdict;

const isAsciiWord = (b: number) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
/** An ASCII character that is no letter, digit or underscore: a separator whatever the text around it. */
const isAsciiSeparator = (b: number) => b < 128 && !isAsciiWord(b);
// With the 'iu' flags a pattern's k also matches KELVIN SIGN (U+212A) and its s LONG S (U+017F):
// the only characters outside ASCII that fold to an ASCII letter.
const KELVIN = [0xe2, 0x84, 0xaa] as const;
const LONG_S = [0xc5, 0xbf] as const;

/** How often a character begins a word, roughly (English letter frequencies, in tenths of a percent). */
const FREQUENCY: Record<string, number> = {
  e: 127,
  t: 91,
  a: 82,
  o: 75,
  i: 70,
  n: 67,
  s: 63,
  h: 61,
  r: 60,
  d: 43,
  l: 40,
  c: 28,
  u: 28,
  m: 24,
  w: 24,
  f: 22,
  g: 20,
  y: 20,
  p: 19,
  b: 15,
  v: 10,
  k: 8,
  j: 2,
  x: 2,
  q: 1,
  z: 1,
};
const rarity = (code: number) => FREQUENCY[String.fromCharCode(code)] ?? 5;
/** Bytes of a check's first messages whose letters choose its anchor instead of FREQUENCY. */
const SAMPLE = 256 * 1024;

// The check is on the text's searched form (tokenize.ts), which leaves out Arabic harakat and
// tatweel: U+0640, U+064B-U+0652 and U+0670 are D9 80, D9 8B-D9 92 and D9 B0 in UTF-8.
const isFoldedSecond = (b: number) => b === 0x80 || (b >= 0x8b && b <= 0x92) || b === 0xb0;
function holdsFolded(m: Buffer): boolean {
  for (let i = m.indexOf(0xd9); i !== -1 && i + 1 < m.length; i = m.indexOf(0xd9, i + 1)) if (isFoldedSecond(m[i + 1]!)) return true;
  return false;
}

/**
 * The UTF-16 code unit that begins the character whose UTF-8 starts at `i` (its high surrogate beyond
 * the BMP). `i` is in range; a sequence cut short by the end of `m` reads its missing bytes as 0.
 */
function unitAt(m: Buffer, i: number): number {
  const b = m[i]!;
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | ((m[i + 1] ?? 0) & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | (((m[i + 1] ?? 0) & 0x3f) << 6) | ((m[i + 2] ?? 0) & 0x3f);
  const cp = ((b & 0x07) << 18) | (((m[i + 1] ?? 0) & 0x3f) << 12) | (((m[i + 2] ?? 0) & 0x3f) << 6) | ((m[i + 3] ?? 0) & 0x3f);
  return 0xd800 + ((cp - 0x10000) >> 10);
}

let sources: Map<string, string[]> | undefined;
/** For each character, the others that turn into text holding it in NFC (compatibility ideographs, Kelvin). */
function sourcesOf(ch: string): string[] {
  if (!sources) {
    sources = new Map();
    const add = (x: string) => {
      const n = x.normalize('NFC');
      if (n === x) return;
      for (const c of new Set(n)) sources!.set(c, [...(sources!.get(c) ?? []), x]);
    };
    for (let c = 0x300; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) add(String.fromCharCode(c));
    for (let c = 0x2f800; c <= 0x2fa1f; c++) add(String.fromCodePoint(c));
  }
  return sources.get(ch) ?? [];
}

/**
 * The test of a run of text that has no spaces (Chinese, Thai...), or undefined when its text
 * holds a character that normalising may move or make (Thai tone marks and vowels below).
 * Bytes holding the run are a YES unless a character that may combine with its last one follows;
 * bytes not holding it are a NO unless they hold something normalising may turn into part of it.
 */
function containsTest(pattern: string): ByteTest | undefined {
  if ([...pattern].some((ch) => mayChange(ch.charCodeAt(0)))) return undefined;
  // Exact otherwise: a string holds another exactly when its UTF-8 holds the other's.
  const needle = Buffer.from(pattern, 'utf8');
  const makers = [...new Set([...pattern].flatMap((ch) => [...sourcesOf(ch), ...ch.normalize('NFD').slice(1)]))].map((x) =>
    Buffer.from(x, 'utf8'),
  );
  return (buf, start, end) => {
    const m = buf.subarray(start, end);
    let verdict: Verdict = NO;
    for (let i = m.indexOf(needle); i !== -1; i = m.indexOf(needle, i + 1)) {
      const after = i + needle.length;
      if (after >= m.length || !mayCombine(unitAt(m, after))) return YES;
      verdict = MAYBE;
    }
    if (verdict === NO && (holdsFolded(m) || makers.some((x) => m.indexOf(x) !== -1))) return MAYBE;
    return verdict;
  };
}

/** A test for the check, or undefined when only its text test applies (a phrase with words outside ASCII). */
export function byteTest(check: Check): ByteTest | undefined {
  if (check.kind === 'contains') return containsTest(check.pattern);
  const parts = check.sequence;
  if (
    !parts?.length ||
    !parts.every((p) => /^[a-z0-9_-]+$/.test(p) && isAsciiWord(p.charCodeAt(0)) && isAsciiWord(p.charCodeAt(p.length - 1)))
  )
    return undefined;
  // Every piece is a non-empty run of [a-z0-9_-] (tested above): codes[p][0] is its first letter.
  const codes = parts.map((p) => Array.from(p, (ch) => ch.charCodeAt(0)));
  // Candidates are found by the first letter of one piece: the piece whose letter is rarest, by
  // English text at first, then by the bytes of the first messages tested (SAMPLE): a dataset's
  // text (code, generated text, other languages) may make another letter rarer.
  let q = codes.reduce((best, c, i) => (rarity(c[0]!) < rarity(codes[best]![0]!) ? i : best), 0);
  const anchorsOf = (p: number) => {
    const first = codes[p]![0]!;
    const anchors = first >= 97 && first <= 122 ? [first, first - 32] : [first];
    if (first === 107) anchors.push(KELVIN[0]);
    if (first === 115) anchors.push(LONG_S[0]);
    return anchors;
  };
  let anchors = anchorsOf(q);
  const seen = new Float64Array(256);
  let sampled = 0;
  const sample = (m: Buffer) => {
    for (let i = 0, n = Math.min(m.length, SAMPLE - sampled); i < n; i++) seen[m[i]!]!++;
    sampled += Math.min(m.length, SAMPLE - sampled);
    if (sampled < SAMPLE) return;
    const count = (p: number) => anchorsOf(p).reduce((sum, b) => sum + seen[b]!, 0);
    q = codes.reduce((best, _, i) => (count(i) < count(best) ? i : best), q);
    anchors = anchorsOf(q);
  };
  const last = codes.length - 1;

  // Two readings of the bytes. Loose: a byte outside ASCII may belong to a separator or to a
  // letter, and k or s may be the folding characters; whatever the check accepts matches loosely.
  // Strict: only ASCII counts (letters, digits, underscore; separators); a strict match is one the
  // check accepts, since every character it rests on is known.

  /** How many bytes from `i` spell the piece character `c`: 1, the length of a folding character, or 0. */
  const spells = (buf: Buffer, c: number, i: number, end: number, strict: boolean): number => {
    if (i < 0 || i >= end) return 0;
    const b = buf[i];
    if (b === c || (c >= 97 && c <= 122 && b === c - 32)) return 1;
    const alt = strict ? undefined : c === 107 ? KELVIN : c === 115 ? LONG_S : undefined;
    return alt && i + alt.length <= end && alt.every((x, k) => buf[i + k] === x) ? alt.length : 0;
  };

  /** The end of piece `p` matched at `i`, or -1. */
  const piece = (buf: Buffer, p: number, i: number, end: number, strict: boolean): number => {
    for (const c of codes[p]!) {
      const n = spells(buf, c, i, end, strict);
      if (n === 0) return -1;
      i += n;
    }
    return i;
  };

  /** The start of piece `p` matched to end at `e`, or -1. */
  const pieceBack = (buf: Buffer, p: number, e: number, strict: boolean): number => {
    const cs = codes[p]!;
    for (let n = cs.length - 1; n >= 0; n--) {
      // A character ending at e is one byte, or a folding character of its length.
      const c = cs[n]!;
      if (spells(buf, c, e - 1, e, strict) === 1) {
        e--;
        continue;
      }
      const len = c === 107 ? KELVIN.length : c === 115 ? LONG_S.length : 0;
      if (len && spells(buf, c, e - len, e, strict) === len) {
        e -= len;
        continue;
      }
      return -1;
    }
    return e;
  };

  /** Whether pieces ..p-1 match before `i` (where piece p starts), with a whole word at the start. */
  const before = (buf: Buffer, p: number, i: number, strict: boolean): boolean => {
    if (p === 0) return i === 0 || (strict ? isAsciiSeparator(buf[i - 1]!) : !isAsciiWord(buf[i - 1]!));
    let k = i;
    if (strict) {
      while (k > 0 && isAsciiSeparator(buf[k - 1]!)) k--;
      return k < i && ends(buf, p - 1, k, true);
    }
    // The previous piece may end inside a loose run of separators only where a folding character ends.
    while (k > 0 && !isAsciiWord(buf[k - 1]!)) {
      k--;
      if (k > 0 && (buf[k - 1] === KELVIN[2] || buf[k - 1] === LONG_S[1]) && ends(buf, p - 1, k, false)) return true;
    }
    return k < i && ends(buf, p - 1, k, false);
  };

  /** Whether pieces ..p match with piece p ending at `e`. */
  const ends = (buf: Buffer, p: number, e: number, strict: boolean): boolean => {
    const s = pieceBack(buf, p, e, strict);
    return s !== -1 && before(buf, p, s, strict);
  };

  /** Whether pieces p.. match from `i` (piece p starts there), with a whole word at the end. */
  const from = (buf: Buffer, p: number, i: number, end: number, strict: boolean): boolean => {
    const j = piece(buf, p, i, end, strict);
    if (j === -1) return false;
    if (p === last) return j >= end || (strict ? isAsciiSeparator(buf[j]!) : !isAsciiWord(buf[j]!));
    let k = j;
    if (strict) {
      while (k < end && isAsciiSeparator(buf[k]!)) k++;
      return k > j && from(buf, p + 1, k, end, true);
    }
    // The next piece may begin inside a loose run of separators only where a folding character begins.
    while (k < end && !isAsciiWord(buf[k]!)) {
      k++;
      if (k < end && (buf[k] === KELVIN[0] || buf[k] === LONG_S[0]) && from(buf, p + 1, k, end, false)) return true;
    }
    return k > j && from(buf, p + 1, k, end, false);
  };

  return (buf, start, end) => {
    // A view of the message alone: indexOf on the whole buffer would run on past its end.
    const m = buf.subarray(start, end);
    if (sampled < SAMPLE) sample(m);
    let verdict: Verdict = NO;
    for (const a of anchors) {
      for (let i = m.indexOf(a); i !== -1; i = m.indexOf(a, i + 1)) {
        if ((i > 0 && isAsciiWord(m[i - 1]!)) || !from(m, q, i, m.length, false) || !before(m, q, i, false)) continue;
        if ((i === 0 || isAsciiSeparator(m[i - 1]!)) && from(m, q, i, m.length, true) && before(m, q, i, true)) return YES;
        verdict = MAYBE;
      }
    }
    // Harakat or tatweel inside a word leave it out of the searched form: the text test decides.
    return verdict === NO && holdsFolded(m) ? MAYBE : verdict;
  };
}
