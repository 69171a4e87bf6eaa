// The snippet a result row shows for a search: a window of the first matching message around its
// first hit, whitespace folded, with ellipses where it was cut.
import { highlightPattern } from '../markdown/highlight';
import { highlightWords } from './query';

/**
 * The lead-in before the hit, in display columns (a wide character counts two). The results table
 * shows two lines of the snippet in a column about 44 columns wide (components/explore/results-table.tsx):
 * within 24 columns, the hit starts on the first line whatever the script.
 */
export const LEAD_COLUMNS = 24;
const AFTER = 170;

/** Display columns of a character: 2 for East Asian wide and fullwidth ones, 0 for combining marks. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\p{M}\u200b-\u200f]/u;
const columns = (ch: string) => (WIDE.test(ch) ? 2 : ZERO.test(ch) ? 0 : 1);

/** Where a lead-in of at most LEAD_COLUMNS before `at` starts (never inside a surrogate pair). */
function leadStart(text: string, at: number): number {
  let start = at;
  let width = 0;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const size = low >= 0xdc00 && low <= 0xdfff && start >= 2 ? 2 : 1;
    const ch = text.slice(start - size, start);
    // Whitespace folds to one space in the snippet.
    const w = /\s/.test(ch) ? (/\s/.test(text[start] ?? '') ? 0 : 1) : columns(ch);
    if (width + w > LEAD_COLUMNS) break;
    width += w;
    start -= size;
  }
  return start;
}

/** A function cutting a message around the first hit of these words: null when nothing in it matches (or there are none). */
export function snippetFinderOf(words: readonly string[]): (text: string) => string | null {
  const pattern = highlightPattern(words);
  return (text) => (pattern ? cutAround(text, pattern) : null);
}

/** The same for the search `q`. */
export const snippetFinder = (q: string): ((text: string) => string | null) => snippetFinderOf(highlightWords(q));

/** `text` cut around the first hit of the search `q`; null when nothing in it matches. */
export const snippetAround = (text: string, q: string): string | null => snippetFinder(q)(text);

function cutAround(text: string, pattern: RegExp): string | null {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  if (!m) return null;
  let start = leadStart(text, m.index);
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
