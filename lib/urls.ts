// Every link Wildscope writes is built here, so the URL grammar cannot drift between pages.
export const conversationPath = (id: string) => `/c/${encodeURIComponent(id)}`;
export const turnAnchor = (turn: string) => `turn-${turn}`;
export const turnPath = (id: string, turn: string) => `${conversationPath(id)}#${turnAnchor(turn)}`;
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

const LISTING_PARAMS = ['sort', 'limit', 'offset'];
const CHART_OPTIONS = ['interval', 'stack', 'split'];

function without(current: URLSearchParams, keys: string[]): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const k of keys) next.delete(k);
  return next;
}

/** The same view on `path` without the given parameters (every value of each), paging kept: a bad parameter's way out. */
export const withoutHref = (current: URLSearchParams, keys: string[], path = '/'): string => at(path, without(current, keys));

/** The charts of the explore page's selection: the same filters, no sort or paging. */
export const chartsViewHref = (current: URLSearchParams): string => at('/charts', without(current, LISTING_PARAMS));

/** The results of the charts page's selection: the same filters, no chart options. */
export const resultsViewHref = (current: URLSearchParams): string => at('/', without(current, CHART_OPTIONS));

/** Sets or clears a (min, max) pair at once, e.g. turns_min/turns_max for a turn bucket. */
export function rangeHref(current: URLSearchParams, minKey: string, maxKey: string, min: number | null, max: number | null): string {
  return exploreHref(current, { [minKey]: min === null ? null : String(min), [maxKey]: max === null ? null : String(max) });
}

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
export function conversationHref(id: string, context: { q?: string | null; back?: string | null } = {}): string {
  const p = new URLSearchParams();
  if (context.q) p.set('q', context.q);
  if (context.back) p.set('back', context.back);
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
