'use client';
import { useCallback, useMemo } from 'react';
import type { RangeDef } from '@/lib/filters/fields';
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
