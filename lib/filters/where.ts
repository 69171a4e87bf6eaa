// Builds the conditions of a filter's metadata (facet values, ranges, dates, flags, scores) once;
// rows, totals, facets, charts and exports all reuse them. Values are always bound parameters;
// column names come from allow-lists. A search's condition is the Selection's (queries/selection.ts).
import { CATEGORIES, underscored } from '../dataset/moderation';
import type { Sql } from '../db/sql';
import type { FacetField, Filter } from './schema';

export interface WhereOptions {
  omit?: OmitField; // leave out this facet's own filter (facet counts)
  search?: string; // the search's condition on conversations c, ANDed last
}

export type OmitField = FacetField | 'toxic' | 'redacted' | 'turns' | 'flagged';

/** True when the filter has a condition on `field` (values selected or excluded, a yes/no, a range, flags). */
export function filtersOn(f: Filter, field: OmitField): boolean {
  switch (field) {
    case 'toxic':
    case 'redacted':
      return f[field] !== undefined;
    case 'turns':
      return f.turnsMin !== undefined || f.turnsMax !== undefined;
    case 'flagged':
      return f.flagged.length > 0;
    default:
      return !!(f.values[field]?.length || f.not[field]?.length);
  }
}

/**
 * The filter without its conditions on `field`: what a facet is counted under, and what a chart that
 * filters on `field` draws, so the values not chosen stay in view (cross-filtering).
 */
export function without(f: Filter, field: OmitField): Filter {
  if (!filtersOn(f, field)) return f;
  switch (field) {
    case 'toxic':
    case 'redacted':
      return { ...f, [field]: undefined };
    case 'turns':
      return { ...f, turnsMin: undefined, turnsMax: undefined };
    case 'flagged':
      return { ...f, flagged: [] };
    default: {
      const values = { ...f.values };
      const not = { ...f.not };
      delete values[field];
      delete not[field];
      return { ...f, values, not };
    }
  }
}

/** The filter's conditions on `field` alone: what `without` leaves out. */
export function only(f: Filter, field: OmitField): Filter {
  const none: Filter = { values: {}, not: {}, flagged: [], min: {} };
  switch (field) {
    case 'toxic':
    case 'redacted':
      return { ...none, [field]: f[field] };
    case 'turns':
      return { ...none, turnsMin: f.turnsMin, turnsMax: f.turnsMax };
    case 'flagged':
      return { ...none, flagged: f.flagged };
    default:
      return {
        ...none,
        values: f.values[field] ? { [field]: f.values[field] } : {},
        not: f.not[field] ? { [field]: f.not[field] } : {},
      };
  }
}

/** Boolean SQL over conversations `c`: every condition of the filter but its search (and `omit`'s), and `search`. */
export function buildWhere(filter: Filter, sql: Sql, { omit, search }: WhereOptions = {}): string {
  const f = omit ? without(filter, omit) : filter;
  const w: string[] = [];
  for (const [field, values] of Object.entries(f.values) as [FacetField, string[]][]) {
    if (values.length) w.push(field === 'topic' ? topicIn(values, sql) : `c.${field} IN (${sql.list(values)})`);
  }
  for (const [field, values] of Object.entries(f.not) as [FacetField, string[]][]) {
    if (values.length)
      w.push(field === 'topic' ? `NOT ${topicIn(values, sql)}` : `(c.${field} IS NULL OR c.${field} NOT IN (${sql.list(values)}))`);
  }
  if (f.toxic !== undefined) w.push(`c.toxic = ${sql.p(f.toxic)}`);
  if (f.redacted !== undefined) w.push(`c.redacted = ${sql.p(f.redacted)}`);
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
  if (search) w.push(search);
  return w.length ? w.join(' AND ') : 'true';
}

/**
 * Conversations of any of the topics: `t3` is a broad topic, `t3.1` one of its subtopics
 * (map/build.ts). Never NULL, so that its NOT keeps conversations with no topic.
 */
function topicIn(ids: string[], sql: Sql): string {
  const broad = ids.filter((t) => !t.includes('.'));
  const fine = ids.filter((t) => t.includes('.'));
  const tests = [
    ...(broad.length ? [`c.broad_topic IN (${sql.list(broad)})`] : []),
    ...(fine.length ? [`c.topic IN (${sql.list(fine)})`] : []),
  ];
  return `COALESCE(${tests.join(' OR ')}, false)`;
}

/** True when the filter has no condition but facet values: fields of `values` and `not`, `toxic` and `redacted`. */
export function onlyFacetValues(f: Filter): boolean {
  return (
    !f.q && f.turnsMin === undefined && f.turnsMax === undefined && !f.from && !f.to && !f.flagged.length && !Object.keys(f.min).length
  );
}

/** The facet fields the filter selects values of, or excludes values of. */
export const filteredFields = (f: Filter): FacetField[] =>
  (Object.keys({ ...f.values, ...f.not }) as FacetField[]).filter((k) => f.values[k]?.length || f.not[k]?.length);

/** True when the filter selects every conversation: the state whose counts are cached per index. */
export function isUnfiltered(f: Filter): boolean {
  return onlyFacetValues(f) && f.toxic === undefined && f.redacted === undefined && filteredFields(f).length === 0;
}
