// The tests' own answer to "which conversations hold this word, this phrase, this moderation
// score": SQL over the fixture Parquet (one row per conversation, its `conversation` and
// `openai_moderation` lists), written from the documented rules (docs/API.md), not from the index.
import { underscored } from '../lib/dataset/moderation';

/** A separator: anything but a letter, a digit or underscore (words are matched whole). */
export const SEP = '[^\\p{L}\\p{N}_]';

/** RE2 pattern of these words in this order, whole, with only separators between them. */
export const wordsPattern = (...words: string[]) => `(^|${SEP})${words.join(`${SEP}+`)}(${SEP}|$)`;

/** Some message (of `role`, when given) matches the RE2 pattern `re`, case-insensitively. */
export const holds = (re: string, role?: string) =>
  `list_bool_or([${role ? `m.role = '${role}' AND ` : ''}regexp_matches(m.content, '${re}', 'i') FOR m IN conversation])`;

/** Some message (of `role`, when given) holds the word. */
export const hasWord = (word: string, role?: string) => holds(wordsPattern(word), role);

/** Some message (of `role`, when given) holds the phrase. */
export const hasPhrase = (words: readonly string[], role?: string) => holds(wordsPattern(...words), role);

// The published files spell multi-word categories twice; the index folds both (the higher score, either flag).
/** A message's score in a category, over `o`, one element of `openai_moderation`. */
export const messageScore = (c: string) =>
  c === underscored(c) ? `o.category_scores."${c}"` : `greatest(o.category_scores."${c}", o.category_scores."${underscored(c)}")`;
/** A message's flag in a category, over `o`. */
export const messageFlag = (c: string) =>
  c === underscored(c) ? `o.categories."${c}"` : `(o.categories."${c}" OR o.categories."${underscored(c)}")`;

/** The conversation's highest score in a category. */
export const maxScore = (c: string) => `list_max([${messageScore(c)} FOR o IN openai_moderation])`;
/** Some message of the conversation was flagged in the category. */
export const flaggedIn = (c: string) => `list_bool_or([${messageFlag(c)} FOR o IN openai_moderation])`;
