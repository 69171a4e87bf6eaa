'use client';
// Light or dark: the reader's choice, remembered in localStorage, else the system's
// (prefers-color-scheme). A script in <head> applies it before the first paint (no flash).
import { useSyncExternalStore } from 'react';

const KEY = 'wildscope-theme';
type Theme = 'light' | 'dark';

/** Runs inline in <head>: the same rule as current(), without React. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('${KEY}');if(t!=='light'&&t!=='dark')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';document.documentElement.dataset.theme=t}catch(e){}`;

const current = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
const listeners = new Set<() => void>();
const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, current, () => 'light' as Theme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
      className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100"
      onClick={() => {
        document.documentElement.dataset.theme = next;
        try {
          localStorage.setItem(KEY, next);
        } catch {
          /* private mode: this page only */
        }
        listeners.forEach((f) => f());
      }}
    >
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );
}
