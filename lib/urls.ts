// Every link Wildscope writes is built here, so the URL grammar cannot drift between pages. Pages
// and components get a ViewLinks for the view they show and ask it for links; none of them edits a
// query string itself.
import { CHART_PARAMS, LISTING_PARAMS, MAP_PARAMS, type FieldDef } from './filters/fields';
export const conversationPath = (id: string) => `/c/${encodeURIComponent(id)}`;
// `dataset` names the dataset a conversation was read from when several hold its id (?dataset=).
const inDataset = (dataset?: string) => (dataset ? `?dataset=${encodeURIComponent(dataset)}` : '');
/** The JSON of one conversation. */
export const conversationApiPath = (id: string, dataset?: string) => `/api/conversations/${encodeURIComponent(id)}${inDataset(dataset)}`;
export const turnAnchor = (turn: string) => `turn-${turn}`;
export const turnPath = (id: string, turn: string, dataset?: string) => `${conversationPath(id)}${inDataset(dataset)}#${turnAnchor(turn)}`;
/** A turn of a conversation, keeping the page's query (search highlighting, the way back to results). */
export const turnHref = (id: string, turn: string, query: URLSearchParams) => {
  const s = query.toString();
  return `${conversationPath(id)}${s ? `?${s}` : ''}#${turnAnchor(turn)}`;
};

const at = (path: string, query: URLSearchParams) => {
  const s = query.toString();
  return s ? `${path}?${s}` : path;
};

/** The explore URL (or `path`'s, e.g. `/charts`) for a query string with parameters replaced or removed (null). */
export function exploreHref(current: URLSearchParams, set: Record<string, string | null>, path = '/'): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(set)) {
    next.delete(k);
    if (v !== null) next.set(k, v);
  }
  if (!('offset' in set)) next.delete('offset');
  return at(path, next);
}

/** Adds or removes one value of a repeatable parameter (facet toggling), on `/` or on `path`. */
export function toggleHref(current: URLSearchParams, key: string, value: string, path = '/'): string {
  const next = new URLSearchParams(current);
  const values = next.getAll(key);
  next.delete(key);
  for (const v of values) if (v !== value) next.append(key, v);
  if (!values.includes(value)) next.append(key, value);
  next.delete('offset');
  return at(path, next);
}

/** The export of the current selection: every filter and the sort, without paging. */
export function exportHref(current: URLSearchParams, format: 'csv' | 'jsonl'): string {
  const next = new URLSearchParams(current);
  next.delete('limit');
  next.delete('offset');
  const s = next.toString();
  return `/api/conversations.${format}${s ? `?${s}` : ''}`;
}

function without(current: URLSearchParams, keys: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const k of keys) next.delete(k);
  return next;
}

/** The same view on `path` without the given parameters (every value of each), paging kept: a bad parameter's way out. */
export const withoutHref = (current: URLSearchParams, keys: readonly string[], path = '/'): string => at(path, without(current, keys));

/** The charts of the explore page's (or the map's) selection: the same filters, no sort, paging or map colour. */
export const chartsViewHref = (current: URLSearchParams): string => at('/charts', without(current, [...LISTING_PARAMS, ...MAP_PARAMS]));

/** The results of the charts page's (or the map's) selection: the same filters, no chart options or map colour. */
export const resultsViewHref = (current: URLSearchParams): string => at('/', without(current, [...CHART_PARAMS, ...MAP_PARAMS]));

/** The topic map of a view's selection: the same filters, no sort, paging or chart options. */
export const mapViewHref = (current: URLSearchParams): string => at('/map', without(current, [...LISTING_PARAMS, ...CHART_PARAMS]));

/** The explore page filtered by the given fields, e.g. `/?model=gpt-4-0314`. */
export function filterHref(filters: Record<string, string>): string {
  const s = new URLSearchParams(filters).toString();
  return s ? `/?${s}` : '/';
}

/** The explore page for the UTC day of an ISO timestamp. */
export const dayHref = (iso: string): string => filterHref({ from: iso.slice(0, 10), to: iso.slice(0, 10) });

/**
 * A conversation opened from a result list: `q` highlights the search words, `back` carries the
 * explore query string so the page can link back to the same results.
 */
export function conversationHref(id: string, context: { q?: string | null; back?: string | null; dataset?: string | null } = {}): string {
  const p = new URLSearchParams();
  if (context.q) p.set('q', context.q);
  if (context.back) p.set('back', context.back);
  if (context.dataset) p.set('dataset', context.dataset);
  const s = p.toString();
  return s ? `${conversationPath(id)}?${s}` : conversationPath(id);
}

/** The explore view a conversation was opened from; only ever a query string on `/`. */
export function resultsHref(back: string | null | undefined, q?: string | null): string | null {
  if (back != null) {
    const params = new URLSearchParams(back.replace(/^[/?]+/, ''));
    const s = params.toString();
    return s ? `/?${s}` : '/';
  }
  return q ? filterHref({ q }) : null;
}

/** A page's `searchParams` prop as URLSearchParams, repeated parameters kept in order. */
export function searchParamsOf(sp: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p;
}

export type ViewPath = '/' | '/charts' | '/map';

/** A query string's filters alone: without paging, sorting and chart options. */
export const filtersOf = (current: URLSearchParams): URLSearchParams => without(current, [...LISTING_PARAMS, ...CHART_PARAMS]);

/** The comparison of two selections (each a query string of filters), as a page or (`api`) its JSON or CSV. */
export function compareHref(a: URLSearchParams, b: URLSearchParams, api?: 'json' | 'csv'): string {
  const p = new URLSearchParams({ a: a.toString(), b: b.toString() });
  if (api === 'csv') p.set('format', 'csv');
  return `${api ? '/api/compare' : '/compare'}?${p}`;
}
/** Filters of one side of a comparison, explored. */
export const sideHref = (side: URLSearchParams): string => at('/', side);

/** The links of one view (explore, charts or the map) and its query string: facets, chips, paging, forms, switching views. */
export class ViewLinks {
  readonly params: URLSearchParams;

  constructor(
    params: URLSearchParams | string,
    readonly path: ViewPath = '/',
  ) {
    this.params = new URLSearchParams(params);
  }

  /** The query string, for client components, which cannot be handed a ViewLinks (they make their own). */
  get query(): string {
    return this.params.toString();
  }
  /** A parameter as written in the address (a form's default value). */
  value(key: string): string | null {
    return this.params.get(key);
  }
  /** Every value of a parameter as written in the address. */
  values(key: string): string[] {
    return this.params.getAll(key);
  }
  /** Whether the view filters on this value of this parameter. */
  has(key: string, value: string): boolean {
    return this.params.getAll(key).includes(value);
  }

  /** Adds or removes one value of a repeatable parameter (`not_<field>` for an exclusion). */
  toggle(key: string, value: string): string {
    return toggleHref(this.params, key, value, this.path);
  }
  /** A single-valued field (true/false) set to `value`, or cleared when it already is. */
  choose(key: string, value: string): string {
    return this.has(key, value) ? this.set({ [key]: null }) : this.set({ [key]: value });
  }
  /** Parameters replaced or removed (null); paging starts over unless `offset` is among them. */
  set(changes: Record<string, string | null>): string {
    return exploreHref(this.params, changes, this.path);
  }
  /** A range field's `<key>_min` and `<key>_max` set or cleared at once. */
  range(def: Extract<FieldDef, { kind: 'range' }>, min: number | null, max: number | null): string {
    return this.set({ [`${def.key}_min`]: min === null ? null : String(min), [`${def.key}_max`]: max === null ? null : String(max) });
  }
  /** The date range set (YYYY-MM-DD, `to` inclusive) or cleared (null). */
  dates(from: string | null, to: string | null): string {
    return this.set({ from, to });
  }
  /** A chart's numbers as CSV: the same filters and options. */
  csv(chart: string): string {
    const next = new URLSearchParams(this.params);
    next.set('format', 'csv');
    return `/api/stats/${chart}?${next}`;
  }
  /** One value removed, as a chip's ×: without the search, its role and a relevance sort go too (they mean nothing alone). */
  remove(key: string, value: string): string {
    if (key !== 'q') return this.toggle(key, value);
    const next = new URLSearchParams(this.params);
    for (const k of ['q', 'role', 'offset']) next.delete(k);
    if (next.get('sort') === 'relevance') next.delete('sort');
    return at(this.path, next);
  }
  /** The same view without these parameters (every value of each), paging kept. */
  without(keys: readonly string[]): string {
    return withoutHref(this.params, keys, this.path);
  }
  /** The page at `offset` of the same listing. */
  page(offset: number): string {
    return this.set({ offset: offset === 0 ? null : String(offset) });
  }
  /** The same view, to try again. */
  get self(): string {
    return at(this.path, this.params);
  }

  /** The same filters on the charts. */
  charts(): string {
    return chartsViewHref(this.params);
  }
  /** The same filters as results. */
  results(): string {
    return resultsViewHref(this.params);
  }
  /** The same filters on the topic map. */
  map(): string {
    return mapViewHref(this.params);
  }
  /**
   * The results of this view's filters narrowed to these values of one field (a map selection's
   * topics or content hashes): the view's own values of that field are replaced by them.
   */
  narrowed(key: string, values: readonly string[]): string {
    const next = without(this.params, [...LISTING_PARAMS, ...CHART_PARAMS, ...MAP_PARAMS, key]);
    for (const v of values) next.append(key, v);
    return at('/', next);
  }
  /** The comparison page with this view's filters as side A and the whole dataset as B, to be narrowed there. */
  compare(): string {
    return compareHref(filtersOf(this.params), new URLSearchParams());
  }
  /** The same view with `term` added to the search (a new search, sorted by relevance as any). */
  addTerm(term: string): string {
    const q = this.params.get('q')?.trim();
    return this.set({ q: q ? `${q} ${term}` : term, sort: null });
  }
  /** The view's distinctive terms as JSON (GET /api/terms). */
  terms(limit: number): string {
    const next = filtersOf(this.params);
    next.set('limit', String(limit));
    return `/api/terms?${next}`;
  }
  /** The whole selection as a file. */
  export(format: 'csv' | 'jsonl'): string {
    return exportHref(this.params, format);
  }
  /** A conversation of the results, highlighting the search and linking back to them; `dataset` when several hold ids. */
  conversation(id: string, dataset?: string | null): string {
    return conversationHref(id, { q: this.params.get('q'), back: this.params.toString(), dataset });
  }
  /** The parameters a GET form must carry along, leaving out those it sets itself (and paging). */
  hidden(except: readonly string[]): [string, string][] {
    return [...this.params].filter(([k]) => !except.includes(k) && k !== 'offset');
  }
}
