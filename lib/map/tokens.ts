// The map's tokenizer: lower-cased words, and for scripts written without spaces (Chinese,
// Japanese, Thai…) each pair of adjacent characters. A regex, not Intl.Segmenter (14-130x slower
// here), over the first characters of a message only: its opening says what it asks.

/** Characters of a first message read for the map: enough for what it asks, not the pasted essay. */
export const MAP_TEXT_CHARS = 2000;

const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
// A run of unspaced-script characters, or a word of any other letters, marks and digits.
const TOKEN = new RegExp(String.raw`[${UNSPACED}]+|[[\p{L}\p{M}\p{N}]--[${UNSPACED}]]+`, 'gv');
const UNSPACED_RUN = new RegExp(String.raw`^[${UNSPACED}]`, 'v');
const DIGITS = /^\p{N}+$/u;
const LONGEST_WORD = 30;

/**
 * Calls `emit` with each token of `text`: words of two to thirty characters that are not only
 * digits, and character pairs of unspaced runs (a lone character is kept as itself).
 */
export function forEachMapToken(text: string, emit: (token: string) => void): void {
  const s = text.length > MAP_TEXT_CHARS ? text.slice(0, MAP_TEXT_CHARS) : text;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
    const t = m[0];
    if (UNSPACED_RUN.test(t)) {
      const chars = Array.from(t);
      if (chars.length === 1) emit(t);
      for (let i = 0; i + 1 < chars.length; i++) emit(chars[i]! + chars[i + 1]!);
    } else if (t.length >= 2 && t.length <= LONGEST_WORD && !DIGITS.test(t)) {
      emit(t.toLowerCase());
    }
  }
}

export function mapTokens(text: string): string[] {
  const out: string[] = [];
  forEachMapToken(text, (t) => out.push(t));
  return out;
}
