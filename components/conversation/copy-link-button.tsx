'use client';
import { useState } from 'react';

/** Copies the absolute URL of a turn. */
export function CopyLinkButton({ path, label }: { path: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    const url = new URL(path, window.location.origin).href;
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      // No clipboard permission: let the user copy it from a prompt instead.
      window.prompt('Copy this link', url);
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      data-testid="copy-link"
      className="rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-800"
    >
      {state === 'copied' ? 'copied' : 'copy link'}
    </button>
  );
}
