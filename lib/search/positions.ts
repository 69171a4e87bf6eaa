// Where in a conversation a term is: each posting carries a bit mask of the positions of the
// messages holding the term, modulo POSITIONS (bit p % POSITIONS for the message at position p).
// A phrase's candidates are the conversations where the masks of all its terms share a bit.
// Eight bits keep the column at one byte a posting, and rule out candidates almost as well as 32.

export const POSITIONS = 8;

/** A mask with every position's bit: any message. */
export const ALL_POSITIONS = (1 << POSITIONS) - 1;

/** The mask bit of the message at position `pos`. */
export const positionBit = (pos: number): number => 1 << (pos % POSITIONS);
