// Computing a search's matches on one connection: its words from the postings (matches-sql.ts),
// then each phrase confirmed on the message text, into a table any session can load the bits of.
// A word alone is read straight into JavaScript when its matches are few, and as bits when many;
// either way its table is made only when a statement needs it.
import { DOUBLE, UINTEGER, UTINYINT, type Connection } from '../db/duckdb';
import type { TextStore } from '../text/store';
import { byteTest } from './bytes';
import { MatchBits } from './match-bits';
import {
  bitsAggSql,
  bitsSql,
  holdingInOneMessageSql,
  inMatches,
  localName,
  matchesSql,
  resetBitsSql,
  setBitsSql,
  type MatchTable,
  type SearchRole,
} from './matches-sql';
import { ALL_POSITIONS } from './positions';
import { checkMatcher, type Check, type SearchPlan } from './query';

/** Milliseconds of confirming text between two yields to the event loop. */
const SLICE_MS = 20;

/**
 * Deletes from `table` the matches whose messages (of `role`, or any) do not satisfy `check`, or,
 * with `exclude`, those whose messages (of any role) do. The bits variable of `table` must hold its
 * rows; it is not updated here. Only the matches with a message that can hold all of the check's
 * words (by the postings' positions) are read, each with one read of its text from the store, and
 * a message is decoded only if its bytes pass the check's byte test (search/bytes.ts).
 */
async function confirm(
  c: Connection,
  text: TextStore,
  role: SearchRole | undefined,
  check: Check,
  table: MatchTable,
  exclude = false,
): Promise<void> {
  // As columns: hundreds of thousands of candidates read as row objects cost a third more.
  const [convs, masks] = await c.columns<[number, number]>(
    `${holdingInOneMessageSql(check.terms, inMatches(table, 'conv'))} ORDER BY conv`,
  );
  const test = checkMatcher(check);
  const bytes = byteTest(check);
  const confirmed = new Uint32Array(convs.length);
  let n = 0;
  let since = Date.now();
  for (let i = 0; i < convs.length; i++) {
    const conv = Number(convs[i]);
    if (text.some(conv, (m) => test(m.text), { role, positions: Number(masks[i]), bytes })) confirmed[n++] = conv;
    // Other requests are answered between slices of this work, and a deadline stops it.
    if (Date.now() - since > SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      c.throwIfInterrupted();
      since = Date.now();
    }
  }
  const confirmedTable = localName(table, 'confirmed');
  await c.run(`CREATE TEMP TABLE ${confirmedTable} (conv UINTEGER)`);
  try {
    await c.appendColumns(confirmedTable, [UINTEGER], [4], [confirmed], n, 'temp');
    await c.run(`DELETE FROM ${table} WHERE conv ${exclude ? 'IN' : 'NOT IN'} (SELECT conv FROM temp.${confirmedTable})`);
  } finally {
    await c.run(`DROP TABLE temp.${confirmedTable}`);
  }
}

/**
 * Searches with at most this many matches keep their conversations' numbers in JavaScript too:
 * their total and facets are counted from them (queries/match-facets.ts), not by passes over every
 * conversation. Reading 20,000 costs 1-2 ms. Tests lower it to reach the passes.
 */
export const fewMatches = { max: 20_000 };

/**
 * More matches keep their bits in JavaScript too (match-bits.ts): their newest page, total and
 * facets are read from them. Tests turn it off to reach the passes.
 */
export const manyMatches = { bits: true };

/**
 * How many of a word's many matches are kept with their scores (every one scoring at least the
 * k-th highest): its relevance pages within them need no table. Past `maxTies` (a word whose
 * matches mostly score alike) none are kept.
 */
export const bestMatches = { k: 2_000, maxTies: 50_000 };

export interface BestMatches {
  convs: Uint32Array;
  scores: Float64Array;
  complete: boolean;
}

/**
 * The matches of `all` scoring at least the bestMatches.k-th highest score, found from the
 * scores' counts (`histogram`); undefined past bestMatches.maxTies.
 */
async function bestOf(
  c: Connection,
  all: string,
  histogram: { key: number; value: string }[],
  n: number,
): Promise<BestMatches | undefined> {
  const levels = histogram.map((h) => ({ score: Number(h.key), count: Number(h.value) })).sort((a, b) => b.score - a.score);
  let held = 0;
  let least = -Infinity;
  for (const { score, count } of levels) {
    if (held >= bestMatches.k) break;
    held += count;
    least = score;
  }
  if (held > bestMatches.maxTies) return undefined;
  const [convs, scores] = await c.columns<[number, number]>(`SELECT conv, score FROM (${all}) WHERE score >= $1`, [least]);
  const best = fewOf(convs, scores, [], false);
  return { convs: best.convs!, scores: best.scores!, complete: held === n };
}

/** The bits of `table`_bits in JavaScript, unless tests turned them off. */
async function bitsOf(c: Connection, table: MatchTable): Promise<MatchBits | undefined> {
  const bits = manyMatches.bits ? await c.bitString(`SELECT b FROM ${table}_bits`) : undefined;
  return bits && new MatchBits(bits);
}

/** A search's matches: how many, and when few, which (in conv order) with what the table holds of each. */
export interface Matches {
  rows: number;
  convs?: Uint32Array;
  /** Beside convs, when the search is of words alone: the positions of the messages holding them. */
  masks?: Uint8Array;
  /** Beside convs: their relevance scores (the table's `score`). */
  scores?: Float64Array;
  /** The table was left unmade: this makes it, on any connection, when a statement needs it. */
  make?: (c: Connection) => Promise<void>;
  /** When more than a few: which, as the bits of the table's `_bits`. */
  bits?: MatchBits;
  /** Beside bits, for a word alone: the matches scoring highest (bestMatches), in conv order, with their scores; `complete` when they are all. */
  best?: BestMatches;
}

/** A few matches read from SQL (conv, score, msgs in any order) sorted by conv. */
function fewOf(convs: number[], scores: unknown[], msgs: (number | null)[], words: boolean): Matches {
  const order = Uint32Array.from(convs.keys());
  // Usually read in conv order already (the postings are sorted by term, then conv).
  if (convs.some((conv, i) => i > 0 && conv < convs[i - 1]!)) order.sort((a, b) => convs[a]! - convs[b]!);
  return {
    rows: order.length,
    convs: Uint32Array.from(order, (i) => convs[i]!),
    // Where its words are tells a snippet which messages to read, when the words are all there is to match.
    masks: words ? Uint8Array.from(order, (i) => Number(msgs[i] ?? ALL_POSITIONS)) : undefined,
    scores: Float64Array.from(order, (i) => Number(scores[i])),
  };
}

/**
 * Computes the matches of `plan` (in messages of `role`) into the shared table `table` (conv, score,
 * msgs); returns how many matched, and which (in conv order) when at most fewMatches.max, with their
 * scores and, when the search is of words alone, the positions of the messages holding its words.
 * More matches get their bits in `table`_bits, for any session to load (a few matches' bits cost a
 * session no more to make again: selection.ts), and in JavaScript (manyMatches). A word alone
 * leaves the table unmade (`make` makes it when a statement needs it; a page, total and facets
 * counted in JavaScript do not): its many matches' bits and count come straight from its postings,
 * which costs a fraction of writing a row per match with its score. `rows`: how many conversations
 * the index holds. A bit string, unlike a scalar subquery, is a constant to the planner (a subquery
 * made it a nested-loop join: seconds), and bitstring_agg needs constant bounds.
 */
export async function computeMatches(
  c: Connection,
  text: TextStore,
  plan: SearchPlan,
  role: SearchRole | undefined,
  table: MatchTable,
  rows: number,
): Promise<Matches> {
  if (plan.terms.length === 1 && !plan.checks.length && !plan.excluded.length) {
    // Its postings are its matches, read when the word is in at most the few conversations (its
    // matches are fewer still). None read (a frequent word, or none in the role) go by the table.
    const [convs, scores, msgs] = await c.columns<[number, unknown, number | null]>(
      matchesSql(plan, role, { conversations: rows, maxDf: fewMatches.max }),
    );
    if (convs.length > 0) {
      const few = fewOf(convs, scores, msgs, true);
      return { ...few, make: (c2) => makeMatchTable(c2, table, { convs: few.convs!, scores: few.scores!, masks: few.masks! }) };
    }
    const all = matchesSql(plan, role, { conversations: rows });
    // A word's scores take few values (one per count of it in a conversation): counted beside the bits.
    await c.run(
      `CREATE TABLE ${table}_bits AS SELECT ${bitsAggSql(rows)} AS b, count(*)::BIGINT AS n, histogram(score) AS levels FROM (${all})`,
    );
    const { n, levels } = (await c.one<{ n: string; levels: { key: number; value: string }[] | null }>(
      `SELECT n, levels FROM ${table}_bits`,
    ))!;
    // None (a word in no message of the role) goes by the table, which costs nothing to make.
    if (Number(n) > 0) {
      const best = await bestOf(c, all, levels ?? [], Number(n));
      return { rows: Number(n), bits: await bitsOf(c, table), best, make: (c2) => c2.run(`CREATE TABLE ${table} AS ${all}`) };
    }
    await c.run(`DROP TABLE ${table}_bits`);
  }
  await c.run(`CREATE TABLE ${table} AS ${matchesSql(plan, role, { conversations: rows })}`);
  const checked = plan.checks.length > 0 || plan.excluded.some((e) => e.check);
  try {
    // Phrases are confirmed on the text with the bits in the session (confirm's candidates test them).
    if (checked) await c.run(setBitsSql(table, rows));
    for (const check of plan.checks) {
      await confirm(c, text, role, check, table);
      await c.run(setBitsSql(table, rows));
    }
    // An excluded phrase is looked for in any message, whatever the search's role.
    for (const { check } of plan.excluded) {
      if (!check) continue;
      await confirm(c, text, undefined, check, table, true);
      await c.run(setBitsSql(table, rows));
    }
    // A few matches are read whole; more are counted, and kept as bits.
    const n = Number((await c.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${table}`))!.n);
    if (n > fewMatches.max) {
      await c.run(`CREATE TABLE ${table}_bits AS ${bitsSql(table, rows)}`);
      return { rows: n, bits: await bitsOf(c, table) };
    }
    const [convs, scores, msgs] = await c.columns<[number, unknown, number | null]>(`SELECT conv, score, msgs FROM ${table}`);
    return fewOf(convs, scores, msgs, !plan.checks.length && plan.terms.length > 0);
  } finally {
    if (checked) await c.run(resetBitsSql(table));
  }
}

/** Makes the table of matches that computeMatches left unmade, from what it kept of them. */
async function makeMatchTable(c: Connection, table: MatchTable, m: Required<Pick<Matches, 'convs' | 'scores' | 'masks'>>): Promise<void> {
  const dot = table.lastIndexOf('.');
  await c.run(`CREATE OR REPLACE TABLE ${table} (conv UINTEGER, score DOUBLE, msgs UTINYINT)`);
  const [name, catalog] = dot < 0 ? [table, undefined] : [table.slice(dot + 1), table.slice(0, dot)];
  await c.appendColumns(name, [UINTEGER, DOUBLE, UTINYINT], [4, 8, 1], [m.convs, m.scores, m.masks], m.convs.length, catalog);
}
