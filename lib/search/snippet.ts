// The snippet a result row shows for a search: a window of the first matching message around its
// first hit, whitespace folded, with ellipses where it was cut.
import { CJK, escapeRegExp, highlightPattern, searchTerms } from '../markdown/highlight';
import { likeInOrder } from './query';
import { tokens } from './tokenize';

const BEFORE = 70;
const AFTER = 170;

/** `text` cut around the first hit of the search `q`; null when nothing in it matches. */
export function snippetAround(text: string, q: string): string | null {
  const pattern = highlightPattern(searchTerms(q));
  if (!pattern) return null;
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  if (!m) return null;
  let start = Math.max(0, m.index - BEFORE);
  let end = Math.min(text.length, m.index + m[0].length + AFTER);
  // Cut at spaces when one is near, so words stay whole.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < m.index) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > m.index + m[0].length) end = space;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}`;
}

const SEP = '[^\\p{L}\\p{N}_]';

/** An RE2 pattern (DuckDB's regexp_matches, flag 'i') for a message holding any of the search's words. */
export function anyWordPattern(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((t) => (CJK.test(t) ? escapeRegExp(t) : `(^|${SEP})${escapeRegExp(t)}(${SEP}|$)`)).join('|');
}

/**
 * LIKE patterns of which a message matching anyWordPattern satisfies at least one once lower-cased:
 * a cheap test DuckDB runs before the regular expression. Null when a word is not ASCII.
 */
export function anyWordLikes(q: string): string[] | null {
  const likes = searchTerms(q).map((t) => likeInOrder(tokens(t).map((w) => w.text)));
  return likes.length && likes.every((l) => l !== undefined) ? likes : null;
}
