// A conversation's row as listings, exports and the conversation page read it, and the one way
// instants are spelled in SQL results.
export interface ConversationRow {
  id: string;
  /** The dataset of WILDSCOPE_DATA that holds it (its name). */
  dataset: string;
  conversation_hash: string | null;
  model: string | null;
  timestamp: string | null;
  turns: number;
  language: string | null;
  country: string | null;
  state: string | null;
  hashed_ip: string | null;
  toxic: boolean | null;
  redacted: boolean | null;
  preview: string | null;
  max_moderation: number | null;
  /** The conversation's subtopic on the map (map/build.ts), null when it has none. */
  topic: string | null;
  /** With a search: the first matching message, cut around its first hit (null when only a phrase's order matched elsewhere). */
  snippet?: string | null;
}

export const ISO = (col: string) => `strftime(${col}, '%Y-%m-%dT%H:%M:%S.%fZ')`;

export const ROW_COLUMNS = `c.id, c.dataset::VARCHAR AS dataset, c.conversation_hash, c.model, ${ISO('c.ts')} AS "timestamp", c.turns, c.language,
  c.country, c.state, c.hashed_ip, c.toxic, c.redacted, c.preview, c.max_moderation, c.topic::VARCHAR AS topic`;
