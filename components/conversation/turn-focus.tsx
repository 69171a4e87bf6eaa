'use client';
import { useEffect } from 'react';

/** Fired when more messages of a long conversation were rendered: a permalinked turn may now exist. */
export const TURNS_RENDERED = 'wildscope:turns-rendered';
/** Asks LaterMessages to render every remaining message (a match or turn looked for may be among them). */
export const RENDER_ALL = 'wildscope:render-all';

/**
 * Marks the turn named by the URL fragment and scrolls it into view, also after in-page hash
 * changes. :target alone misses fragments set by client-side navigation.
 */
export function TurnFocus() {
  useEffect(() => {
    let current: HTMLElement | null = null;
    const focus = () => {
      current?.removeAttribute('data-focused');
      let id = '';
      try {
        id = decodeURIComponent(window.location.hash.slice(1));
      } catch {
        return;
      }
      current = id ? document.getElementById(id) : null;
      if (!current) return;
      current.setAttribute('data-focused', '');
      current.scrollIntoView({ block: 'start' });
    };
    // Once the named turn is found, later renders must not pull the reader back to it.
    const late = () => {
      if (!current) focus();
    };
    const frame = requestAnimationFrame(focus);
    window.addEventListener('hashchange', focus);
    window.addEventListener(TURNS_RENDERED, late);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', focus);
      window.removeEventListener(TURNS_RENDERED, late);
    };
  }, []);
  return null;
}
