'use client';
// The app without a mouse: a skip link to the search (the first thing Tab reaches), `/` to focus
// the search box, `?` for the list of shortcuts. Pages add their own keys (results, turns, matches).
import { useEffect, useRef } from 'react';
import { useHydrated } from '@/components/common/use-hydrated';

export const SEARCH_INPUT_ID = 'q';

/** A key pressed while typing in a field is the field's, not a shortcut. */
export const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

const SHORTCUTS: [string, string][] = [
  ['/', 'focus the search box'],
  ['j / k', 'next / previous result or turn'],
  ['Enter', 'open the result'],
  ['n / p', 'next / previous search match in a conversation'],
  ['?', 'show or hide this list'],
  ['Tab', 'move between links, bars and controls'],
];

export function KeyboardShortcuts() {
  const help = useRef<HTMLDialogElement>(null);
  const live = useHydrated();
  useEffect(() => {
    // Arrived by the skip link from a page without a search box.
    if (window.location.hash === `#${SEARCH_INPUT_ID}`) document.getElementById(SEARCH_INPUT_ID)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '?') {
        const d = help.current;
        if (d?.open) d.close();
        else d?.showModal();
        e.preventDefault();
        return;
      }
      if (e.key !== '/') return;
      const box = document.getElementById(SEARCH_INPUT_ID);
      if (!box) return;
      e.preventDefault();
      box.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <a
        href={`/#${SEARCH_INPUT_ID}`}
        data-testid="skip-to-search"
        data-live={live || undefined}
        className="sr-only rounded bg-indigo-700 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        onClick={(e) => {
          const box = document.getElementById(SEARCH_INPUT_ID);
          if (!box) return; // no search here: the link opens explore at its search box
          e.preventDefault();
          box.focus();
        }}
      >
        Skip to search
      </a>
      <dialog
        ref={help}
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts"
        className="m-auto rounded-lg border border-slate-300 bg-white p-4 text-sm text-slate-900 shadow-lg backdrop:bg-black/40"
      >
        <h2 id="shortcuts-title" className="mb-2 font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1">
          {SHORTCUTS.map(([k, what]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 px-1">{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-3 text-right">
          <button className="rounded border border-slate-300 px-3 py-1">Close</button>
        </form>
      </dialog>
    </>
  );
}
