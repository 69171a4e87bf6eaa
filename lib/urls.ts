// Every link Wildscope writes is built here, so the URL grammar cannot drift between pages.
export const conversationPath = (id: string) => `/c/${encodeURIComponent(id)}`;
export const turnAnchor = (turn: string) => `turn-${turn}`;
export const turnPath = (id: string, turn: string) => `${conversationPath(id)}#${turnAnchor(turn)}`;

/** The explore URL for a query string with one parameter replaced (or removed with null). */
export function exploreHref(current: URLSearchParams, set: Record<string, string | null>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(set)) {
    next.delete(k);
    if (v !== null) next.set(k, v);
  }
  if (!('offset' in set)) next.delete('offset');
  const s = next.toString();
  return s ? `/?${s}` : '/';
}

/** Adds or removes one value of a repeatable parameter (facet toggling). */
export function toggleHref(current: URLSearchParams, key: string, value: string): string {
  const next = new URLSearchParams(current);
  const values = next.getAll(key);
  next.delete(key);
  for (const v of values) if (v !== value) next.append(key, v);
  if (!values.includes(value)) next.append(key, value);
  next.delete('offset');
  const s = next.toString();
  return s ? `/?${s}` : '/';
}

/** The export of the current selection: every filter and the sort, without paging. */
export function exportHref(current: URLSearchParams, format: 'csv' | 'jsonl'): string {
  const next = new URLSearchParams(current);
  next.delete('limit');
  next.delete('offset');
  const s = next.toString();
  return `/api/conversations.${format}${s ? `?${s}` : ''}`;
}

/** Sets or clears a (min, max) pair at once, e.g. turns_min/turns_max for a turn bucket. */
export function rangeHref(current: URLSearchParams, minKey: string, maxKey: string, min: number | null, max: number | null): string {
  return exploreHref(current, { [minKey]: min === null ? null : String(min), [maxKey]: max === null ? null : String(max) });
}
