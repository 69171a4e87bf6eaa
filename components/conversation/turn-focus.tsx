'use client';
import { useEffect } from 'react';

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
    const frame = requestAnimationFrame(focus);
    window.addEventListener('hashchange', focus);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', focus);
    };
  }, []);
  return null;
}
