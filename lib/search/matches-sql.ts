// The SQL of a search's matches: the postings of its terms read into a table (conv, score), and the
// table's rows as a bit string over row numbers that conditions test. Term ids reach SQL as literals
// (see idList); nothing here takes client text.
import type { SearchPlan } from './query';

/**
 * A table of a search's matches (conv, score) whose bits the session holds in bitsVariable(table).
 * Branded so a stray string cannot be passed where a computed match table is needed.
 */
export type MatchTable = string & { readonly brand: 'MatchTable' };
export const matchTable = (name: string): MatchTable => name as MatchTable;

const ROLE_MASK = { user: 1, assistant: 2 } as const;
export type SearchRole = keyof typeof ROLE_MASK;

// Term ids are decimal hashes computed here (never client text); as literals, unlike bound
// parameters, they let DuckDB skip the postings' row groups by their min/max term.
const idList = (xs: string[]) => xs.map((t) => `${BigInt(t)}::UBIGINT`).join(', ');

/** The conversations holding every one of these terms (in any message): `SELECT conv`. */
const holdingAllSql = (terms: string[]) =>
  `SELECT conv FROM postings WHERE term IN (${idList(terms)}) GROUP BY conv HAVING count(*) = ${terms.length}`;

/**
 * The conversations with a message that can hold all of these terms: `SELECT conv`, by the
 * postings' masks of message positions (search/positions.ts). `and`: a condition on postings' conv.
 */
export const holdingInOneMessageSql = (terms: string[], and?: string) =>
  `SELECT conv, bit_and(msgs) AS msgs FROM postings WHERE term IN (${idList(terms)})${and ? ` AND ${and}` : ''}
   GROUP BY conv HAVING count(*) = ${terms.length} AND bit_and(msgs) <> 0`;

/**
 * The conversations matching the plan's words (in messages of `role`, or any), with a relevance
 * score and the positions (search/positions.ts) of the messages holding any of them (NULL without
 * words): `SELECT conv, score, msgs`. Phrases and long CJK runs are left for the caller to confirm on the
 * text (search/matches.ts), and so are excluded phrases: only excluded words are applied here.
 * `conversations`: how many the index holds, when known (else counted here, for the scores).
 * `maxDf`: only terms in at most so many conversations are read (a term in more matches nothing).
 */
export function matchesSql(
  plan: SearchPlan,
  role?: SearchRole,
  { conversations, maxDf }: { conversations?: number; maxDf?: number } = {},
): string {
  const mask = role ? ROLE_MASK[role] : 3;
  const conds: string[] = [];
  const terms = idList(plan.terms);
  const n = conversations === undefined ? '(SELECT count(*) FROM conversations)' : `${Math.trunc(conversations)}::BIGINT`;
  const scored = `FROM postings p JOIN (SELECT term, ln(1 + ${n} / df) AS idf FROM terms
                                     WHERE term IN (${terms})${maxDf === undefined ? '' : ` AND df <= ${Math.trunc(maxDf)}`}) t USING (term)
      WHERE p.term IN (${terms}) AND (p.roles & ${mask}) > 0`;
  // A conversation has one posting per term, so one term needs no grouping: its postings, in conv
  // order, are the matches, and a frequent word's hundreds of thousands are not grouped for nothing.
  const from =
    plan.terms.length === 1
      ? `(SELECT p.conv, ln(1 + p.tf) * t.idf AS score, p.msgs ${scored}) h`
      : plan.terms.length
        ? `(SELECT p.conv, sum(ln(1 + p.tf) * t.idf) AS score, bit_or(p.msgs) AS msgs ${scored} GROUP BY p.conv HAVING count(*) = ${plan.terms.length}) h`
        : '(SELECT idx AS conv, 0.0 AS score, NULL::UTINYINT AS msgs FROM conversations) h';
  for (const { ids: ex, check } of plan.excluded) if (!check) conds.push(`h.conv NOT IN (${holdingAllSql(ex)})`);
  return `SELECT h.conv, h.score, h.msgs FROM ${from}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
}

/** A session-local name (variable or temporary table) for `what` of the table `of`, which may be qualified. */
export const localName = (of: string, what: string) => `${of.replace(/\W/g, '_')}_${what}`;

/** The variable holding the bits of the matches in `table`. */
export const bitsVariable = (table: MatchTable) => localName(table, 'bits');

/** The aggregate of column `conv` into bits over row numbers 0 .. rows - 1. */
export const bitsAggSql = (rows: number) => (rows === 0 ? 'NULL::BIT' : `bitstring_agg(conv, 0::UINTEGER, ${rows - 1}::UINTEGER)`);

/** The bits of `table`'s rows over row numbers 0 .. rows - 1, as one value `b`: `SELECT b`. */
export const bitsSql = (table: MatchTable, rows: number) => `SELECT ${bitsAggSql(rows)} AS b FROM ${table}`;

/** Sets the session's bits variable of `table` to its rows' bits, over row numbers 0 .. rows - 1. */
export const setBitsSql = (table: MatchTable, rows: number) => `SET VARIABLE ${bitsVariable(table)} = (${bitsSql(table, rows)})`;

/**
 * SQL true when row number `col` is among the matches in `table`. They are kept as a bit string
 * over row numbers, in a variable: a bit test per row costs a fraction of a join with the matches.
 */
export const inMatches = (table: MatchTable, col: string) => `get_bit(getvariable('${bitsVariable(table)}'), ${col}::INTEGER) = 1`;

/** Loads the bits of `table` (made by computeMatches for more than a few matches) into the session's variable. */
export const loadBitsSql = (table: MatchTable) => `SET VARIABLE ${bitsVariable(table)} = (SELECT b FROM ${table}_bits)`;
/** Frees the session's variable of `table`'s bits. */
export const resetBitsSql = (table: MatchTable) => `RESET VARIABLE ${bitsVariable(table)}`;
/** The statements that drop `table` and its bits. */
export const dropMatchesSql = (table: MatchTable) => [`DROP TABLE IF EXISTS ${table}`, `DROP TABLE IF EXISTS ${table}_bits`];
