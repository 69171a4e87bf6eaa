// Builds the WHERE clause (and the keyword CTE) once from a filter; rows, totals, facets, charts
// and exports all reuse it. Values are always bound parameters; column names come from allow-lists.
import { CATEGORIES, underscored } from '../dataset/moderation';
import type { Param } from '../db/duckdb';
import { parseQuery, type Check } from '../search/query';
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
  ctes: string; // `WITH ...` or ''
  where: string; // boolean SQL over conversations c
  scored: boolean; // a `hits` CTE with a relevance score exists
}

export type OmitField = FacetField | 'toxic' | 'redacted';

const ROLE_MASK = { user: 1, assistant: 2 } as const;

function checkSql(sql: Sql, c: Check): string {
  return c.kind === 'contains' ? `contains(m.content, ${sql.p(c.pattern)})` : `regexp_matches(m.content, ${sql.p(c.pattern)}, 'i')`;
}

export function buildWhere(f: Filter, sql: Sql, omit?: OmitField): Where {
  const w: string[] = [];
  for (const [field, values] of Object.entries(f.values) as [FacetField, string[]][]) {
    if (field !== omit && values.length) w.push(`c.${field} IN (${sql.list(values)})`);
  }
  for (const [field, values] of Object.entries(f.not) as [FacetField, string[]][]) {
    if (field !== omit && values.length) w.push(`(c.${field} IS NULL OR c.${field} NOT IN (${sql.list(values)}))`);
  }
  if (f.toxic !== undefined && omit !== 'toxic') w.push(`c.toxic = ${sql.p(f.toxic)}`);
  if (f.redacted !== undefined && omit !== 'redacted') w.push(`c.redacted = ${sql.p(f.redacted)}`);
  if (f.turnsMin !== undefined) w.push(`c.turns >= ${sql.p(f.turnsMin)}`);
  if (f.turnsMax !== undefined) w.push(`c.turns <= ${sql.p(f.turnsMax)}`);
  if (f.from) w.push(`c.ts >= ${sql.p(f.from)}::TIMESTAMPTZ`);
  if (f.to) w.push(`c.ts ${f.toExclusive ? '<' : '<='} ${sql.p(f.to)}::TIMESTAMPTZ`);
  if (f.flagged.length) {
    w.push(`(${f.flagged.map((k) => (k === 'any' ? 'c.flagged' : `c.f_${underscored(k)}`)).join(' OR ')})`);
  }
  for (const cat of CATEGORIES) {
    const v = f.min[cat];
    if (v !== undefined) w.push(`c.m_${underscored(cat)} >= ${sql.p(v)}`);
  }
  let ctes = '';
  let scored = false;
  if (f.q) {
    const plan = parseQuery(f.q);
    const mask = f.role ? ROLE_MASK[f.role] : 3;
    // role comes from an allow-list (schema.ts), so it is spelled into the SQL rather than bound.
    const roleSql = f.role ? ` AND m.role = '${f.role}'` : '';
    const parts: string[] = [];
    if (plan.terms.length) {
      scored = true;
      parts.push(`hits AS (
        SELECT p.conv, sum(ln(1 + p.tf) * ln(1 + t.df_total / t.df)) AS score
        FROM postings p JOIN (SELECT term, df, (SELECT count(*) FROM conversations) AS df_total FROM terms
                              WHERE term IN (${plan.terms.map((t) => `${sql.p(t)}::UBIGINT`).join(', ')})) t USING (term)
        WHERE p.term IN (${plan.terms.map((t) => `${sql.p(t)}::UBIGINT`).join(', ')}) AND (p.roles & ${mask}) > 0
        GROUP BY p.conv HAVING count(*) = ${plan.terms.length})`);
      w.push('c.idx IN (SELECT conv FROM hits)');
      for (const check of plan.checks) {
        w.push(`c.idx IN (SELECT m.conv FROM messages m WHERE m.conv IN (SELECT conv FROM hits)${roleSql} AND ${checkSql(sql, check)})`);
      }
    }
    plan.excluded.forEach(({ ids, check }) => {
      const having = `SELECT conv FROM postings WHERE term IN (${ids.map((t) => `${sql.p(t)}::UBIGINT`).join(', ')}) GROUP BY conv HAVING count(*) = ${ids.length}`;
      w.push(check
        ? `c.idx NOT IN (SELECT m.conv FROM messages m WHERE m.conv IN (${having}) AND ${checkSql(sql, check)})`
        : `c.idx NOT IN (${having})`);
    });
    if (parts.length) ctes = `WITH ${parts.join(', ')}`;
  }
  return { ctes, where: w.length ? w.join(' AND ') : 'true', scored };
}
