'use client';
import { useCallback, useMemo } from 'react';
import { notParam, type RangeDef, type ValueField } from '@/lib/filters/fields';
import { usePendingNavigation } from '@/components/common/navigation-pending';
import { ViewLinks } from '@/lib/urls';

/** Chart clicks change the charts page's URL: toggle one filter value, set a range or dates, or set options. */
export function useFilterNav(query: string) {
  const { go, pending } = usePendingNavigation(false);
  const links = useMemo(() => new ViewLinks(query, '/charts'), [query]);
  const toggle = useCallback((key: string, value: string) => go(links.toggle(key, value)), [go, links]);
  const set = useCallback((values: Record<string, string | null>) => go(links.set(values)), [go, links]);
  const range = useCallback((def: RangeDef, min: number | null, max: number | null) => go(links.range(def, min, max)), [go, links]);
  const dates = useCallback((from: string | null, to: string | null) => go(links.dates(from, to)), [go, links]);
  return { links, toggle, set, range, dates, pending };
}

/**
 * Which values of a field the view keeps, for a chart drawn without that field's filter: the chosen
 * ones stand out, the rest are drawn lighter. Undefined when the view sets no such filter.
 */
export function chosenBy(links: ViewLinks, key: ValueField): ((value: string | null) => boolean) | undefined {
  const yes = links.values(key);
  const no = links.values(notParam(key));
  if (!yes.length && !no.length) return undefined;
  // As where.ts selects: chosen values, else everything not excluded (no value included).
  return (v) => (yes.length ? v !== null && yes.includes(v) : v === null || !no.includes(v));
}
