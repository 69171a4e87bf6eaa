'use client';
// The way to the search without a mouse: a skip link, the first thing Tab reaches, and the `/` key.
// Both focus the search box where the page has one (explore), and open explore focused otherwise.
import { useEffect } from 'react';

export const SEARCH_INPUT_ID = 'q';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function SearchShortcuts() {
  useEffect(() => {
    // Arrived by the skip link from a page without a search box.
    if (window.location.hash === `#${SEARCH_INPUT_ID}`) document.getElementById(SEARCH_INPUT_ID)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const box = document.getElementById(SEARCH_INPUT_ID);
      if (!box) return;
      e.preventDefault();
      box.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <a href={`/#${SEARCH_INPUT_ID}`} data-testid="skip-to-search"
      className="sr-only rounded bg-indigo-700 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      onClick={(e) => {
        const box = document.getElementById(SEARCH_INPUT_ID);
        if (!box) return; // no search here: the link opens explore at its search box
        e.preventDefault();
        box.focus();
      }}>
      Skip to search
    </a>
  );
}
