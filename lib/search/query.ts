// The search syntax (docs/API.md): words (all must occur), "quoted phrases" (in order, in one
// message) and -excluded words, turned into index terms plus patterns that confirm order.
import { phrasePairTerms } from './pairs';
import { normalizeText, termId, tokens, tokenTerms, type Token } from './tokenize';

/**
 * What a phrase (or a long run of a script without spaces) asks of one message's text, in its
 * searched form (tokenize.ts), confirmed by checkMatcher: `pattern` a JavaScript regular
 * expression (flags 'iu'), or `contains` a run of such a script as is.
 */
export interface Check {
  kind: 'regex' | 'contains';
  pattern: string;
  terms: string[]; // term ids of its words and word pairs: a message satisfying the check holds them all
  /** A regex check's text: lower-cased pieces that occur in order, whole-word at both ends, separators between (a hyphenated word is one piece). */
  sequence?: string[];
}

export interface SearchPlan {
  terms: string[]; // term ids that must all occur (in a message allowed by role)
  excluded: { ids: string[]; check?: Check }[]; // term ids whose joint presence excludes a conversation
  checks: Check[]; // phrases and long CJK runs, confirmed on the text
  /** Lower-cased words to mark in snippets and messages (of bare and quoted parts, not excluded ones), at most 20. */
  highlight: string[];
}

export class QueryError extends Error {}

// A word starts after no letter, digit or underscore (marks after one belong to it), and ends
// before no letter, mark, digit or underscore; separators between words start with no mark.
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_]\\p{M}*)';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{M}\\p{N}_])';
const SEP = '(?!\\p{M})[^\\p{L}\\p{N}_]+';
// Hyphens stay bare: outside a class they are literal, and the 'u' flag refuses `\-`.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);

/** The tokens of a part of the query that has any (parts without one are skipped). */
type Tokens = [Token, ...Token[]];
const someTokens = (ts: Token[]): ts is Tokens => ts.length > 0;

/**
 * A pattern for a sequence of tokens: whole words at both ends, any separators between. The ends
 * are lookarounds, not `(^|SEP)` groups: V8 then finds the first word by scanning for it, which
 * is much faster over message text.
 */
function sequencePattern(ts: Tokens, literal?: string): string {
  const body = literal !== undefined ? escape(literal) : ts.map((t) => escape(t.text)).join(SEP);
  const start = ts[0].cjk ? '' : NOT_AFTER_WORD;
  const end = ts[ts.length - 1]!.cjk ? '' : NOT_BEFORE_WORD;
  return `${start}${body}${end}`;
}

function needsCheck(ts: Tokens): boolean {
  return ts.length > 1 || (ts[0].cjk && ts[0].text.length > 2);
}

function checkFor(ts: Tokens, raw: string, quoted: boolean, words: string[]): Check {
  const terms = [...new Set([...words, ...phrasePairTerms(ts)])];
  if (ts.length === 1 && ts[0].cjk) return { kind: 'contains', pattern: ts[0].text, terms };
  // An unquoted hyphenated word must match as written; a quoted phrase allows any separators.
  const literal = !quoted && /^[\p{L}\p{M}\p{N}_-]+$/u.test(raw) ? raw.toLowerCase() : undefined;
  return {
    kind: 'regex',
    pattern: sequencePattern(ts, literal),
    terms,
    sequence: literal !== undefined ? [literal] : ts.map((t) => t.text),
  };
}

export function parseQuery(q: string): SearchPlan {
  q = normalizeText(q);
  const plan: SearchPlan = { terms: [], excluded: [], checks: [], highlight: [] };
  const parts = q.match(/-?"[^"]*"?|\S+/g) ?? [];
  for (const part of parts) {
    const negative = part.startsWith('-') && part.length > 1;
    const body = negative ? part.slice(1) : part;
    const quoted = body.startsWith('"');
    const raw = quoted ? body.replace(/^"|"$/g, '') : body;
    const ts = tokens(raw);
    if (!someTokens(ts)) continue;
    const ids = [...new Set(ts.flatMap(tokenTerms))].map(termId);
    if (negative) {
      plan.excluded.push({ ids, check: needsCheck(ts) ? checkFor(ts, raw, quoted, ids) : undefined });
      continue;
    }
    plan.terms.push(...ids);
    if (needsCheck(ts)) plan.checks.push(checkFor(ts, raw, quoted, ids));
    for (const w of raw.split(/\s+/)) {
      // Keep inner hyphens and dots (`zebra-quartz-57`, `gpt-3.5`), drop punctuation around the word.
      const word = w.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{M}\p{N}_]+$/gu, '').toLowerCase();
      if (word && !plan.highlight.includes(word)) plan.highlight.push(word);
    }
  }
  plan.highlight = plan.highlight.slice(0, 20);
  plan.terms = [...new Set(plan.terms)];
  if (plan.terms.length === 0 && plan.excluded.length === 0) {
    throw new QueryError('q has no words to search for (letters, digits, or Chinese/Japanese characters)');
  }
  if (plan.terms.length > 32) throw new QueryError('q has too many words (at most 32)');
  return plan;
}

/** A test of one message's text for the check (on its searched form, as the index holds it). */
export function checkMatcher(c: Check): (text: string) => boolean {
  if (c.kind === 'contains') return (t) => normalizeText(t).includes(c.pattern);
  const re = new RegExp(c.pattern, 'iu');
  return (t) => re.test(normalizeText(t));
}

/** The plan of a filter's search: the one its parser made, or parsed now for a filter made by hand. */
export const planOf = (filter: { q?: string; search?: SearchPlan }): SearchPlan => filter.search ?? parseQuery(filter.q ?? '');

/** The words to highlight for a search; none when it has no words (pages show such a search as refused). */
export function highlightWords(q: string | null | undefined): string[] {
  if (!q) return [];
  try {
    return parseQuery(q).highlight;
  } catch (e) {
    if (e instanceof QueryError) return [];
    throw e;
  }
}
