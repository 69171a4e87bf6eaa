'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { exploreHref, toggleHref } from '@/lib/urls';

export const PATH = '/charts';

/** Chart clicks change the charts page's URL: toggle one filter value or set parameters. */
export function useFilterNav(query: string) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const go = useCallback((href: string) => start(() => router.push(href, { scroll: false })), [router]);
  const toggle = useCallback((key: string, value: string) => go(toggleHref(new URLSearchParams(query), key, value, PATH)), [go, query]);
  const set = useCallback((values: Record<string, string | null>) => go(exploreHref(new URLSearchParams(query), values, PATH)), [go, query]);
  return { toggle, set, pending };
}

