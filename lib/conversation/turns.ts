// Turn anchors: a WildChat turn is named by its turn_identifier, and the anchor goes to the FIRST
// message bearing it (a user message and its reply may share one). LMSYS messages carry none, so
// their turns are numbered from 1, a new turn starting at each user message. A reply may also carry
// an identifier of its own; it then gets its own anchor but keeps the turn number of its prompt.

export interface TurnInfo {
  /** The turn this message belongs to, as used in `#turn-<key>`. */
  key: string;
  /** 1-based turn number. */
  number: number;
  /** True for the message that carries the anchor element. */
  first: boolean;
}

export function turnInfos(messages: readonly { role: string; turn_identifier: string | null }[]): TurnInfo[] {
  const seen = new Set<string>();
  let number = 0;
  let prevKey: string | null = null;
  return messages.map((m, i) => {
    const startsTurn = i === 0 || m.role === 'user';
    if (startsTurn) number++;
    const key = m.turn_identifier ?? (startsTurn || prevKey === null ? String(number) : prevKey);
    const first = !seen.has(key);
    seen.add(key);
    prevKey = key;
    return { key, number, first };
  });
}
