// The snippet a result row shows for a search: a window of the first matching message around its
// first hit, whitespace folded, with ellipses where it was cut.
import { highlightPattern, searchTerms } from '../markdown/highlight';

const BEFORE = 70;
const AFTER = 170;

/** A function cutting a message around the first hit of the search `q`: null when nothing in it matches (or `q` has no words). */
export function snippetFinder(q: string): (text: string) => string | null {
  const pattern = highlightPattern(searchTerms(q));
  return (text) => (pattern ? cutAround(text, pattern) : null);
}

/** `text` cut around the first hit of the search `q`; null when nothing in it matches. */
export const snippetAround = (text: string, q: string): string | null => snippetFinder(q)(text);

function cutAround(text: string, pattern: RegExp): string | null {
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
