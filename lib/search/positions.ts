// Where in a conversation a term is: each posting carries a bit mask of the positions of the
// messages holding the term, modulo POSITIONS (bit p % POSITIONS for the message at position p).
// Eight bits keep the column at one byte a posting; at 838k conversations they tell which
// messages can hold a phrase almost as well as 32 (candidates of "bisidute tuto": 5,316 holding
// both words, 2,509 with a position in common modulo 32, 3,063 modulo 8).

export const POSITIONS = 8;

/** The mask bit of the message at position `pos`. */
export const positionBit = (pos: number): number => 1 << (pos % POSITIONS);

/** SQL true for messages (column `pos`) at a position whose bit is set in `mask`. */
export function atPositions(mask: number): string {
  const bits: number[] = [];
  for (let b = 0; b < POSITIONS; b++) if ((mask >>> b) & 1) bits.push(b);
  return bits.length ? `pos % ${POSITIONS} IN (${bits.join(', ')})` : 'false';
}
