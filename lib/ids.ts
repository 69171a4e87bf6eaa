// Identifier grammar: WildChat ids and turn identifiers are int64 in decimal; other ids (LMSYS's
// conversation_id, copies made by other tools, ids Wildscope derives for conversations without
// one) are whatever the index holds, so any short printable string may name a conversation.
const INT64_MAX = 9223372036854775807n;
/** Longer than any id a dataset of this family uses, short enough to refuse pasted text at once. */
export const MAX_ID_LENGTH = 200;

export function isTurnIdentifier(s: string): boolean {
  return /^\d{1,19}$/.test(s) && BigInt(s) <= INT64_MAX;
}

/** Printable: no control characters, no lone surrogates (they cannot round-trip through UTF-8). */
export function isConversationId(s: string): boolean {
  return s.length > 0 && s.length <= MAX_ID_LENGTH && s.trim() === s && !/\p{Cc}|\p{Cs}/u.test(s);
}
