// Identifier grammar: WildChat ids and turn identifiers are int64 in decimal; LMSYS ids are hex.
const INT64_MAX = 9223372036854775807n;

export function isTurnIdentifier(s: string): boolean {
  return /^\d{1,19}$/.test(s) && BigInt(s) <= INT64_MAX;
}

export function isConversationId(s: string): boolean {
  return isTurnIdentifier(s) || /^[0-9a-f]{32}$/i.test(s);
}
