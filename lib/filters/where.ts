// Builds the WHERE clause (and the SQL of a search's keyword matches) once from a filter; rows, totals, facets, charts
// and exports all reuse it. Values are always bound parameters; column names come from allow-lists.
import { CATEGORIES, underscored } from '../dataset/moderation';
import type { Param } from '../db/duckdb';
import { parseQuery } from '../search/query';
import type { FacetField, Filter } from './schema';

export class Sql {
  readonly params: Param[] = [];
  p(v: Param): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  list(vs: Param[]): string {
    return vs.map((v) => this.p(v)).join(', ');
  }
}

export interface Where {
  where: string; // boolean SQL over conversations c
}

export interface WhereOptions {
  omit?: OmitField; // leave out this facet's own filter (facet counts)
  hits?: string; // the table of a search's matches, made by withMatches (needed when the filter has q)
  joined?: boolean; // the caller joins the matches itself (relevance order), so no IN test
}

export type OmitField = FacetField | 'toxic' | 'redacted' | 'turns' | 'flagged';

const ROLE_MASK = { user: 1, assistant: 2 } as const;

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
 * The conversations matching `q`'s words (and `role`), with a relevance score: `SELECT conv, score`.
 * Phrases and long CJK runs are left for the caller to confirm on the text (queries/selection.ts),
 * and so are excluded phrases: only excluded words are applied here.
 */
export function matchesSql(f: Filter): string {
  const plan = f.search ?? parseQuery(f.q!);
  const mask = f.role ? ROLE_MASK[f.role] : 3;
  const conds: string[] = [];
  const terms = idList(plan.terms);
  const scored = `FROM postings p JOIN (SELECT term, ln(1 + (SELECT count(*) FROM conversations) / df) AS idf FROM terms
                                     WHERE term IN (${terms})) t USING (term)
      WHERE p.term IN (${terms}) AND (p.roles & ${mask}) > 0`;
  // A conversation has one posting per term, so one term needs no grouping: its postings, in conv
  // order, are the matches, and a frequent word's hundreds of thousands are not grouped for nothing.
  const from = plan.terms.length === 1
    ? `(SELECT p.conv, ln(1 + p.tf) * t.idf AS score ${scored}) h`
    : plan.terms.length
    ? `(SELECT p.conv, sum(ln(1 + p.tf) * t.idf) AS score ${scored} GROUP BY p.conv HAVING count(*) = ${plan.terms.length}) h`
    : '(SELECT idx AS conv, 0.0 AS score FROM conversations) h';
  for (const { ids: ex, check } of plan.excluded) if (!check) conds.push(`h.conv NOT IN (${holdingAllSql(ex)})`);
  return `SELECT h.conv, h.score FROM ${from}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
}

/** A session-local name (variable or temporary table) for `what` of the table `of`, which may be qualified. */
export const localName = (of: string, what: string) => `${of.replace(/\W/g, '_')}_${what}`;

/** The variable holding the bits of the matches in table `hits`. */
export const bitsVariable = (hits: string) => localName(hits, 'bits');

/**
 * SQL true when row number `col` is among the matches in `hits`. withMatches also keeps them as a
 * bit string over row numbers, in a variable: a bit test per row costs a fraction of a join with the matches.
 */
export const inMatches = (hits: string, col: string) => `get_bit(getvariable('${bitsVariable(hits)}'), ${col}::INTEGER) = 1`;

export function buildWhere(f: Filter, sql: Sql, { omit, hits, joined }: WhereOptions = {}): Where {
  const w: string[] = [];
  for (const [field, values] of Object.entries(f.values) as [FacetField, string[]][]) {
    if (field !== omit && values.length) w.push(`c.${field} IN (${sql.list(values)})`);
  }
  for (const [field, values] of Object.entries(f.not) as [FacetField, string[]][]) {
    if (field !== omit && values.length) w.push(`(c.${field} IS NULL OR c.${field} NOT IN (${sql.list(values)}))`);
  }
  if (f.toxic !== undefined && omit !== 'toxic') w.push(`c.toxic = ${sql.p(f.toxic)}`);
  if (f.redacted !== undefined && omit !== 'redacted') w.push(`c.redacted = ${sql.p(f.redacted)}`);
  if (f.turnsMin !== undefined && omit !== 'turns') w.push(`c.turns >= ${sql.p(f.turnsMin)}`);
  if (f.turnsMax !== undefined && omit !== 'turns') w.push(`c.turns <= ${sql.p(f.turnsMax)}`);
  if (f.from) w.push(`c.ts >= ${sql.p(f.from)}::TIMESTAMPTZ`);
  if (f.to) w.push(`c.ts ${f.toExclusive ? '<' : '<='} ${sql.p(f.to)}::TIMESTAMPTZ`);
  if (f.flagged.length && omit !== 'flagged') {
    w.push(`(${f.flagged.map((k) => (k === 'any' ? 'c.flagged' : `c.f_${underscored(k)}`)).join(' OR ')})`);
  }
  for (const cat of CATEGORIES) {
    const v = f.min[cat];
    if (v !== undefined) w.push(`c.m_${underscored(cat)} >= ${sql.p(v)}`);
  }
  if (f.q && !joined) {
    // Phrases are confirmed on the text outside SQL: a search's matches exist only as withMatches's table.
    if (!hits) throw new Error('a search needs its matches (queries/selection.ts withMatches)');
    w.push(inMatches(hits, 'c.idx'));
  }
  return { where: w.length ? w.join(' AND ') : 'true' };
}

/** True when the filter has no condition but facet values: fields of `values` and `not`, `toxic` and `redacted`. */
export function onlyFacetValues(f: Filter): boolean {
  return !f.q && f.turnsMin === undefined && f.turnsMax === undefined && !f.from && !f.to && !f.flagged.length && !Object.keys(f.min).length;
}

/** The facet fields the filter selects values of, or excludes values of. */
export const filteredFields = (f: Filter): FacetField[] =>
  (Object.keys({ ...f.values, ...f.not }) as FacetField[]).filter((k) => f.values[k]?.length || f.not[k]?.length);

/** True when the filter selects every conversation: the state whose counts are cached per index. */
export function isUnfiltered(f: Filter): boolean {
  return onlyFacetValues(f) && f.toxic === undefined && f.redacted === undefined && filteredFields(f).length === 0;
}
