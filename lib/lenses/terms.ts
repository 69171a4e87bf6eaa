import 'server-only';
// Distinctive terms of one selection against another (or against the whole dataset): candidates
// ranked on a sample, then counted exactly from the postings and scored (log-odds.ts).
//   1. each side's conversations are kept in a table of the in-memory database (sides.ts);
//   2. candidates: a side's terms counted on the ingest's sample of conversations (lens_sample)
//      when enough of them fall in it, else on up to TOKENIZED of its conversations tokenized now
//      (a random choice, at most TOKENIZED_TEXT of text),
//      scaled to the side's size, and ranked by the same z-score;
//   3. the best CANDIDATES each way are counted in the postings over both sides, scored, and the
//      terms of the vocabulary that are not stop words (and held by MIN_COUNT conversations) kept.
import type { Connection } from '../db/duckdb';
import { UBIGINT, UINTEGER } from '../db/duckdb';
import type { Filter } from '../filters/schema';
import { textOf } from '../server/index-db';
import { formsOf } from './forms';
import { logOddsZ, PRIOR_WEIGHT } from './log-odds';
import { totalsOf, withSides, type Side } from './sides';
import { forEachSurface, isStopTerm, termKey } from './words';

export interface Term {
  term: string;
  count: number;
  total: number;
  z: number;
}

/** A term needs this many conversations on its side to be shown. */
export const MIN_COUNT = 3;
/** Sampled conversations a side needs for its candidates to be counted on the sample. */
const MIN_SAMPLED = 100;
/** Conversations tokenized at query time for a side too small for the sample, and their text at most (UTF-16 units). */
const TOKENIZED = 300;
const TOKENIZED_TEXT = 3_000_000;

export interface Contrast {
  /** A's distinctive terms against B (count in A, total in B), best first. */
  a: Term[];
  /** B's against A, when asked (count in B, total in A). */
  b: Term[];
  sizes: { a: Side; b: Side };
}

const idList = (terms: string[]) => terms.map((t) => `${BigInt(t)}::UBIGINT`).join(', ');

/**
 * The z-score in SQL over columns ya, na, yb, nb and df, the dataset's size bound as a number:
 * a `SELECT` of (term, z) from `s`. A scaled count is a DECIMAL (a count times a decimal literal):
 * it and the DECIMAL differences it takes part in are cast to DOUBLE once, in `w`, as the
 * expression written whole casts each of its (many) uses, which made the ranking cost most.
 */
export const zSql = (nAll: number) => {
  // df as DOUBLE: PRIOR_WEIGHT times a UINTEGER df overflows 32 bits past 429,496 conversations.
  const w = `SELECT term, (${PRIOR_WEIGHT} * df::DOUBLE / ${nAll}) AS al, ya::DOUBLE AS ya, (na + ${PRIOR_WEIGHT} - ya)::DOUBLE AS ra,
    yb::DOUBLE AS yb, (nb + ${PRIOR_WEIGHT} - yb)::DOUBLE AS rb FROM s`;
  return `SELECT term, (ln((ya + al) / (ra - al)) - ln((yb + al) / (rb - al))) / sqrt(1 / (ya + al) + 1 / (yb + al)) AS z FROM (${w})`;
};

/**
 * A side's candidate counts as SQL `(term, k)` with the factor that scales them to the side, or
 * undefined for the whole dataset (its counts are the vocabulary's df).
 */
async function candidates(c: Connection, s: Side, every: number): Promise<{ sql: string; scale: number } | undefined> {
  if (!s.table) return undefined;
  if (s.conversations === 0) return { sql: 'SELECT NULL::UBIGINT AS term, 0 AS k WHERE false', scale: 1 };
  if (s.sampled >= MIN_SAMPLED) {
    // Counted by term id over the side's sampled conversations alone, then named.
    return {
      sql: `SELECT v.term, g.k FROM (SELECT id, count(*) AS k FROM lens_sample
          WHERE conv IN (SELECT conv FROM ${s.table} WHERE conv % ${every} = 0) GROUP BY id) g JOIN lens_vocab v USING (id)`,
      scale: s.conversations / s.sampled,
    };
  }
  const picked = await c.columns<[number]>(`SELECT conv FROM ${s.table} ORDER BY hash(conv) LIMIT ${TOKENIZED}`);
  const text = textOf(c);
  const counts = new Map<string, number>();
  let read = 0;
  let tokenized = 0;
  for (const conv of picked[0]) {
    if (read > TOKENIZED_TEXT) break;
    c.throwIfInterrupted();
    tokenized++;
    const seen = new Set<string>();
    for (const m of text.read(conv)) {
      read += m.text.length;
      forEachSurface(m.text, (lower) => seen.add(lower));
    }
    for (const w of seen) if (!isStopTerm(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const table = `${s.table}_tok`;
  await c.run(`CREATE OR REPLACE TABLE ${table} (term UBIGINT, k UINTEGER)`);
  const terms = new BigUint64Array(counts.size);
  const ks = new Uint32Array(counts.size);
  let i = 0;
  for (const [w, k] of counts) {
    terms[i] = termKey(w);
    ks[i++] = k;
  }
  const [catalog, name] = table.split('.') as [string, string];
  await c.appendColumns(name, [UBIGINT, UINTEGER], [8, 4], [terms, ks], counts.size, catalog);
  return { sql: `SELECT term, k FROM ${table}`, scale: s.conversations / Math.max(1, tokenized) };
}

/**
 * Each term's conversations on each side with a table, in one pass over the terms' postings: a
 * side's count is NULL when it is the whole dataset (its count is the term's df).
 */
function exactSql(terms: string[], sa: Side, sb: Side): string {
  const ids = idList(terms);
  const vocab = `SELECT term, df, form, stop FROM lens_vocab WHERE term IN (${ids})`;
  if (!sa.table && !sb.table) return `SELECT term, NULL AS ya, NULL AS yb, df, form, stop FROM (${vocab})`;
  // Both sides: one join on a conversation's membership as bits (2: in A, 1: in B), which may be both.
  const [side, counts] =
    sa.table && sb.table
      ? [
          `(SELECT conv, sum(w)::UTINYINT AS ab FROM (SELECT conv, 2 AS w FROM ${sa.table} UNION ALL SELECT conv, 1 AS w FROM ${sb.table}) GROUP BY conv)`,
          'sum(d.ab // 2)::INTEGER AS ya, sum(d.ab % 2)::INTEGER AS yb',
        ]
      : sa.table
        ? [sa.table, 'count(*)::INTEGER AS ya, NULL::INTEGER AS yb']
        : [sb.table!, 'NULL::INTEGER AS ya, count(*)::INTEGER AS yb'];
  const zero = (x: string, s: Side) => (s.table ? `coalesce(x.${x}, 0)` : 'NULL');
  return `WITH x AS (SELECT p.term, ${counts} FROM postings p JOIN ${side} d ON d.conv = p.conv WHERE p.term IN (${ids}) GROUP BY p.term)
    SELECT v.term, ${zero('ya', sa)} AS ya, ${zero('yb', sb)} AS yb, v.df, v.form, v.stop FROM (${vocab}) v LEFT JOIN x USING (term)`;
}

/** A's distinctive terms against B on the connection holding both sides, `all` the dataset's size; `both` also B's against A. */
export async function contrastOf(c: Connection, sa: Side, sb: Side, all: number, limit: number, both: boolean): Promise<Contrast> {
  const empty = { a: [], b: [], sizes: { a: sa, b: sb } };
  if (sa.conversations === 0 && (!both || sb.conversations === 0)) return empty;
  const every = (await totalsOf(c)).sampleEvery;
  const [ca, cb] = [await candidates(c, sa, every), await candidates(c, sb, every)];
  const k = Math.max(4 * limit, 100);
  const side = (x: typeof ca, name: string) => (x ? `, ${name} AS (${x.sql})` : '');
  const y = (x: typeof ca, name: string) => (x ? `coalesce(${name}.k, 0) * ${x.scale}` : 'v.df');
  const from = [ca && 'SELECT term FROM a', cb && both && 'SELECT term FROM b'].filter(Boolean);
  const cand = from.length ? from.join(' UNION ') : 'SELECT term FROM lens_vocab';
  const ranked = await c.columns<[string]>(
    `WITH x AS (SELECT 1)${side(ca, 'a')}${side(cb, 'b')},
     s AS (SELECT v.term, v.df, ${y(ca, 'a')} AS ya, ${sa.size} AS na, ${y(cb, 'b')} AS yb, ${sb.size} AS nb
           FROM (${cand}) t JOIN lens_vocab v USING (term) ${ca ? 'LEFT JOIN a USING (term)' : ''} ${cb ? 'LEFT JOIN b USING (term)' : ''}
           WHERE NOT v.stop),
     z AS (${zSql(all)})
     (SELECT term FROM z ORDER BY z DESC, term LIMIT ${k})
     ${both ? `UNION (SELECT term FROM z ORDER BY z ASC, term LIMIT ${k})` : ''}`,
  );
  const terms = ranked[0];
  if (!terms.length) return empty;
  const exact = await c.all<{ term: string; ya: number | null; yb: number | null; df: number; form: string | null; stop: boolean }>(
    exactSql(terms, sa, sb),
  );
  const forms = await formsOf(
    c,
    exact.filter((r) => r.form === null).map((r) => r.term),
  );
  const scored = exact.flatMap((r) => {
    const form = r.form ?? forms.get(r.term);
    if (!form || r.stop || isStopTerm(form.toLowerCase())) return [];
    const ya = r.ya ?? r.df;
    const yb = r.yb ?? r.df;
    return [{ form, ya, yb, z: logOddsZ({ ya, na: sa.size, yb, nb: sb.size, yAll: r.df, nAll: all }) }];
  });
  const round = (z: number) => Math.round(z * 1000) / 1000;
  const forA = scored
    .filter((t) => t.z > 0 && t.ya >= MIN_COUNT)
    .sort((p, q) => q.z - p.z || p.form.localeCompare(q.form))
    .slice(0, limit)
    .map((t) => ({ term: t.form, count: t.ya, total: t.yb, z: round(t.z) }));
  const forB = both
    ? scored
        .filter((t) => t.z < 0 && t.yb >= MIN_COUNT)
        .sort((p, q) => p.z - q.z || p.form.localeCompare(q.form))
        .slice(0, limit)
        .map((t) => ({ term: t.form, count: t.yb, total: t.ya, z: round(-t.z) }))
    : [];
  return { a: forA, b: forB, sizes: { a: sa, b: sb } };
}

/** A's distinctive terms against B (B undefined: the whole dataset); `both` also B's against A. */
export function contrast(a: Filter, b: Filter | undefined, limit: number, both = false): Promise<Contrast> {
  return withSides(a, b, (c, sa, sb, all) => contrastOf(c, sa, sb, all, limit, both));
}
