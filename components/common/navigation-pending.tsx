'use client';
// A click that changes the view says so at once: the server answers in tens of milliseconds alone
// but around a second under load, and a page that does not react looks broken. Any in-app link
// (facets, sort, paging, chips) or markNavigating() (charts, selects) dims the page and shows a bar
// until the new address is rendered.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useTransition } from 'react';

export function markNavigating(): void {
  document.documentElement.dataset.navigating = '';
}

/**
 * Navigation from code (selects, forms, chart clicks): the view shows it is updating for as long as
 * the router's transition is pending, which ends only when the new view has rendered.
 */
export function usePendingNavigation(scroll = true): { go: (href: string) => void; pending: boolean } {
  const router = useRouter();
  const [pending, start] = useTransition();
  useEffect(() => {
    if (pending) markNavigating();
    else delete document.documentElement.dataset.navigating;
  }, [pending]);
  const go = useCallback((href: string) => start(() => router.push(href, { scroll })), [router, scroll]);
  return { go, pending };
}

function inAppNavigation(e: MouseEvent): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || a.target || a.hasAttribute('download')) return false;
  const to = new URL(a.href, window.location.href);
  if (to.origin !== window.location.origin || to.pathname.startsWith('/api/')) return false;
  // Only the fragment changes: the same page scrolls, nothing is fetched.
  return to.pathname !== window.location.pathname || to.search !== window.location.search;
}

export function NavigationPending() {
  const path = usePathname();
  const query = useSearchParams().toString();
  useEffect(() => {
    delete document.documentElement.dataset.navigating;
  }, [path, query]);
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (inAppNavigation(e)) markNavigating();
    };
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      if (!e.defaultPrevented && form.method.toLowerCase() === 'get' && !form.target) markNavigating();
    };
    // Capture: next/link prevents the default in its own handler, before a bubbling listener would run.
    document.addEventListener('click', onClick, true);
    document.addEventListener('submit', onSubmit);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('submit', onSubmit);
    };
  }, []);
  return <div aria-hidden className="navigation-bar" />;
}
