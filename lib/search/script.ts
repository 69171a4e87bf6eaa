// What the tokenizer (tokenize.ts) and the highlighting (markdown/highlight.ts) agree on about
// scripts, without the tokenizer's tables: this module also goes to the browser.

/** Scripts searched by any sequence of characters, having no spaces between words. */
export const SEQUENCE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Arabic harakat (fathatan to sukun), superscript alef and tatweel: left out of the text searched,
 * so that a word finds its spellings with and without vowels. Maddah and hamza above and below stay:
 * they are parts of letters (NFC composes alef and hamza into one letter).
 */
export const FOLDED = '\\u0640\\u064b-\\u0652\\u0670';
const FOLDED_ALL = new RegExp(`[${FOLDED}]+`, 'g');

/**
 * Text as searched: folded, then NFC (folding first, so that what it uncovers is composed too).
 * NFC, not NFKC: NFKC would also turn fullwidth letters, ligatures and superscripts into plain ones,
 * changing what searches in the scripts already served find.
 */
export function searchForm(s: string): string {
  return s.replace(FOLDED_ALL, '').normalize('NFC');
}
