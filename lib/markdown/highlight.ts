// Highlighting of search words inside message text. It works on text before escaping, so it can
// never split or match an HTML tag: the pieces are escaped one by one and the hits wrapped in <mark>.
// Matching follows the search (search/tokenize.ts) on the text as written: a term, in its searched
// form, matches with or without Arabic harakat and tatweel, composed or decomposed, and a word's
// combining marks are part of it.
import { FOLDED, SEQUENCE_SCRIPTS } from '../search/script';
import { escapeHtml } from './escape';

const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_]\\p{M}*)';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{M}\\p{N}_])';
/** Scripts whose terms match anywhere, not as whole words (Chinese, Japanese, Thai...). */
export const CJK = SEQUENCE_SCRIPTS;
const ARABIC = /\p{Script=Arabic}/u;

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term's characters as they may be written: composed or decomposed, Arabic letters with harakat or tatweel after them. */
function spellings(t: string): string {
  return Array.from(t, (ch) => {
    const nfd = ch.normalize('NFD');
    const c = nfd === ch ? escapeRegExp(ch) : `(?:${escapeRegExp(ch)}|${escapeRegExp(nfd)})`;
    return ARABIC.test(ch) ? `${c}[${FOLDED}]*` : c;
  }).join('');
}

/** A case-insensitive whole-word pattern for the terms (terms of scripts without spaces match anywhere), or null. */
export function highlightPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const parts = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => (CJK.test(t) ? spellings(t) : `${NOT_AFTER_WORD}${spellings(t)}${NOT_BEFORE_WORD}`));
  return new RegExp(parts.join('|'), 'giu');
}

export interface Piece {
  text: string;
  hit: boolean;
}

/** The text cut into hits and non-hits, in order. */
export function splitHighlights(text: string, pattern: RegExp | null): Piece[] {
  if (!pattern || !text) return [{ text, hit: false }];
  const pieces: Piece[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') continue;
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), hit: false });
    pieces.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), hit: false });
  return pieces;
}

/** Escaped HTML of the text with the hits wrapped in <mark>. */
export function highlightHtml(text: string, pattern: RegExp | null): string {
  if (!pattern) return escapeHtml(text);
  return splitHighlights(text, pattern)
    .map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join('');
}

/** How many hits the text holds (for "show all": hits in the part not rendered yet). */
export function countHits(text: string, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let n = 0;
  for (const m of text.matchAll(pattern)) if (m[0] !== '') n++;
  return n;
}
