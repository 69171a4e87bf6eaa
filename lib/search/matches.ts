// Computing a search's matches on one connection: its words from the postings (matches-sql.ts),
// then each phrase confirmed on the message text, into a table any session can load the bits of.
import { UINTEGER, type Connection } from '../db/duckdb';
import type { TextStore } from '../text/store';
import { byteTest } from './bytes';
import {
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
  const candidates = await c.all<{ conv: number; msgs: number }>(
    `${holdingInOneMessageSql(check.terms, inMatches(table, 'conv'))} ORDER BY conv`,
  );
  const test = checkMatcher(check);
  const bytes = byteTest(check);
  const confirmed = new Uint32Array(candidates.length);
  let n = 0;
  let since = Date.now();
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const conv = Number(candidate.conv);
    if (text.some(conv, (m) => test(m.text), { role, positions: Number(candidate.msgs), bytes })) confirmed[n++] = conv;
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
 * Computes the matches of `plan` (in messages of `role`) into the shared table `table` (conv, score,
 * msgs); returns how many matched, and which (in conv order) when at most fewMatches.max, with the
 * positions of the messages holding their words (`masks`, beside `convs`) when the search is of
 * words alone. More matches also get their bits in `table`_bits, for any session to load (a few
 * matches' bits cost a session no more to make again: selection.ts). `rows`: how many conversations
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
): Promise<{ rows: number; convs?: Uint32Array; masks?: Uint8Array }> {
  await c.run(`CREATE TABLE ${table} AS ${matchesSql(plan, role)}`);
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
    // A few matches are read whole, and counted by their number; only more need a count of their own.
    const [convs, msgs] = await c.columns<[number, number | null]>(`SELECT conv, msgs FROM ${table} LIMIT ${fewMatches.max + 1}`);
    if (convs.length > fewMatches.max) {
      await c.run(`CREATE TABLE ${table}_bits AS ${bitsSql(table, rows)}`);
      return { rows: Number((await c.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${table}`))!.n) };
    }
    // Sorted by conv with each one's mask beside it: both in one number, conv * 256 + mask (exact below 2^53).
    const both = Float64Array.from(convs, (conv, i) => Number(conv) * 256 + Number(msgs[i] ?? ALL_POSITIONS)).sort();
    // Where its words are tells a snippet which messages to read, when the words are all there is to match.
    const words = !plan.checks.length && plan.terms.length > 0;
    return {
      rows: both.length,
      convs: Uint32Array.from(both, (x) => Math.floor(x / 256)),
      masks: words ? Uint8Array.from(both, (x) => x % 256) : undefined,
    };
  } finally {
    if (checked) await c.run(resetBitsSql(table));
  }
}
