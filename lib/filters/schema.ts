// The query-string grammar (docs/API.md, Filters), described once: pages, API and export all parse with it,
// and the URL builder writes it back.
import { CATEGORIES, type Category } from '../dataset/moderation';
import { isSingle, paramRole, type ValueField } from './fields';
import { parseQuery, QueryError, type SearchPlan } from '../search/query';

export { VALUE_FIELDS as FACET_FIELDS, type ValueField as FacetField } from './fields';
export const SORTS = ['newest', 'oldest', 'turns', 'relevance', 'moderation'] as const;
export type Sort = (typeof SORTS)[number];
export const ROLES = ['user', 'assistant'] as const;

export interface Filter {
  q?: string;
  /** The search `q` parsed (terms, phrases to confirm, words to highlight): made once by the parser, read by queries and pages. */
  search?: SearchPlan;
  role?: (typeof ROLES)[number];
  values: Partial<Record<ValueField, string[]>>;
  not: Partial<Record<ValueField, string[]>>;
  toxic?: boolean;
  redacted?: boolean;
  turnsMin?: number;
  turnsMax?: number;
  from?: string; // ISO instant, inclusive
  to?: string; // ISO instant, inclusive, or exclusive when toExclusive
  toExclusive?: boolean;
  flagged: (Category | 'any')[];
  min: Partial<Record<Category, number>>;
}

export interface Listing {
  sort: Sort;
  limit: number;
  offset: number;
}

export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_VALUE = 2000;
const MAX_Q = 1000;

function bool(param: string, v: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ParamError(param, `${param} must be true or false, got "${clip(v)}"`);
}

function int(param: string, v: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(v)) throw new ParamError(param, `${param} must be a whole number from ${min} to ${max}, got "${clip(v)}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ParamError(param, `${param} must be from ${min} to ${max}, got ${n}`);
  return n;
}

/** `YYYY-MM-DD` or full ISO 8601; returns an ISO instant and whether it was a date only. */
export function parseInstant(param: string, v: string): { iso: string; dateOnly: boolean } {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const full = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v);
  if (!date && !full) throw new ParamError(param, `${param} must be a date (YYYY-MM-DD) or an ISO 8601 time, got "${clip(v)}"`);
  const t = Date.parse(date ? `${v}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`);
  if (!Number.isFinite(t)) throw new ParamError(param, `${param} is not a real date: "${clip(v)}"`);
  const d = new Date(t);
  if (date && (d.getUTCFullYear() !== +date[1]! || d.getUTCMonth() + 1 !== +date[2]! || d.getUTCDate() !== +date[3]!)) {
    throw new ParamError(param, `${param} is not a real date: "${clip(v)}"`);
  }
  if (d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) throw new ParamError(param, `${param} must be between 1900 and 2200`);
  return { iso: d.toISOString(), dateOnly: !!date };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export interface Parsed {
  filter: Filter;
  listing: Listing;
}

/** A lenient parse: the view of the good parameters, and each bad one reported once. */
export interface Lenient extends Parsed {
  /** The query string without the bad parameters (every value of each): what `filter` and `listing` describe. */
  params: URLSearchParams;
  errors: ParamError[];
}

/** Strict: the first bad parameter throws a ParamError (the API's 400 names it). */
export function parseParams(sp: URLSearchParams): Parsed {
  const { parsed, errors } = parsePass(sp);
  if (errors.length) throw errors[0];
  return parsed;
}

/**
 * For pages: never throws a ParamError. Each bad parameter is dropped with all its values and
 * reported; the filter and listing are those of the remaining parameters, exactly as
 * parseParams reads them, so the page shows what the link without the bad ones would show.
 */
export function parseParamsLenient(sp: URLSearchParams): Lenient {
  const errors: ParamError[] = [];
  let params = new URLSearchParams(sp);
  // Dropping a parameter can make another one bad (no q left for sort=relevance), hence a few passes;
  // each removes at least one parameter, so this ends.
  for (;;) {
    const pass = parsePass(params);
    if (!pass.errors.length) return { ...pass.parsed, params, errors };
    errors.push(...pass.errors);
    params = new URLSearchParams([...params].filter(([k]) => !pass.errors.some((e) => e.param === k)));
  }
}

/** One pass over the parameters: the first error of each bad parameter, in the order they occur. */
function parsePass(sp: URLSearchParams): { parsed: Parsed; errors: ParamError[] } {
  const f: Filter = { values: {}, not: {}, flagged: [], min: {} };
  const seen = new Set<string>();
  const errors: ParamError[] = [];
  const listing: { sort?: Sort; limit: number; offset: number } = { limit: 50, offset: 0 };
  for (const [key, raw] of sp) {
    try {
      readParam(f, listing, seen, key, raw);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      if (!errors.some((x) => x.param === e.param)) errors.push(e);
    }
  }
  // The checks across parameters only mean something once every parameter was read.
  if (!errors.length) {
    if (f.turnsMin !== undefined && f.turnsMax !== undefined && f.turnsMin > f.turnsMax) {
      errors.push(new ParamError('turns_min', 'turns_min is larger than turns_max'));
    } else if (listing.sort === 'relevance' && !f.q) {
      errors.push(new ParamError('sort', 'sort=relevance needs a search (q)'));
    }
  }
  const { sort, limit, offset } = listing;
  return { parsed: { filter: f, listing: { sort: sort ?? (f.q ? 'relevance' : 'newest'), limit, offset } }, errors };
}

/** Reads one parameter into the filter or listing; a bad one throws a ParamError naming it. */
function readParam(f: Filter, listing: { sort?: Sort; limit: number; offset: number }, seen: Set<string>, key: string, raw: string): void {
  if (isSingle(key)) {
    if (seen.has(key)) throw new ParamError(key, `${key} may appear only once`);
    seen.add(key);
  }
  if (raw.length > MAX_VALUE && key !== 'q') throw new ParamError(key, `${key} is too long (over ${MAX_VALUE} characters)`);
  const v = raw.trim();
  if (v === '') return;
  switch (key) {
    case 'sort':
      if (!(SORTS as readonly string[]).includes(v))
        throw new ParamError('sort', `sort must be one of ${SORTS.join(', ')}; got "${clip(v)}"`);
      listing.sort = v as Sort;
      return;
    case 'limit':
      listing.limit = int(key, v, 1, 200);
      return;
    case 'offset':
      listing.offset = int(key, v, 0, 100_000_000);
      return;
  }
  const role = paramRole(key);
  if (!role) throw new ParamError(key, `unknown parameter "${clip(key)}"`);
  switch (role.def.kind) {
    case 'values':
      ((role.as === 'not' ? f.not : f.values)[role.def.key] ??= []).push(raw);
      return;
    case 'search':
      if (v.length > MAX_Q) throw new ParamError('q', `q is too long (${v.length} characters; at most ${MAX_Q})`);
      // A search with no words fails here, where pages and API refuse it, not later inside a query.
      try {
        f.search = parseQuery(v);
      } catch (e) {
        throw e instanceof QueryError ? new ParamError('q', e.message) : e;
      }
      f.q = v;
      return;
    case 'role':
      if (!(ROLES as readonly string[]).includes(v)) throw new ParamError('role', `role must be user or assistant, got "${clip(v)}"`);
      f.role = v as Filter['role'];
      return;
    case 'bool':
      f[role.def.key] = bool(key, v);
      return;
    case 'range':
      if (role.as === 'min') f.turnsMin = int(key, v, 0, role.def.max);
      else f.turnsMax = int(key, v, 0, role.def.max);
      return;
    case 'dates':
      if (role.as === 'from') {
        f.from = parseInstant(key, v).iso;
      } else {
        const { iso, dateOnly } = parseInstant(key, v);
        f.to = dateOnly ? new Date(Date.parse(iso) + 86_400_000).toISOString() : iso;
        f.toExclusive = dateOnly;
      }
      return;
    case 'flagged':
      if (v !== 'any' && !(CATEGORIES as readonly string[]).includes(v)) {
        throw new ParamError('flagged', `flagged must be any or one of ${CATEGORIES.join(', ')}; got "${clip(v)}"`);
      }
      if (!f.flagged.includes(v as Category)) f.flagged.push(v as Category | 'any');
      return;
    case 'threshold': {
      const n = Number(v);
      if (!/^(0|1|0?\.\d+|1\.0*)$/.test(v) || !Number.isFinite(n))
        throw new ParamError(key, `${key} must be a score from 0 to 1, got "${clip(v)}"`);
      if ('category' in role) f.min[role.category] = n;
    }
  }
}
