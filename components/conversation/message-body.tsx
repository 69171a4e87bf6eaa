'use client';
import { useMemo, useState } from 'react';
import { formatSize } from '@/lib/conversation/format';
import { highlightPattern, splitHighlights } from '@/lib/markdown/highlight';
import { renderMarkdown } from '@/lib/markdown/render';

/** Above this size an expanded message is shown as plain text: markdown would stall the page. */
const MARKDOWN_LIMIT = 200_000;

/**
 * A long message, collapsed until asked. `html` is the server-rendered (safe) markdown of the
 * whole message or of its head; `full` is the whole text when `html` covers only the head.
 */
export function MessageBody({ html, full, terms, size, hiddenHits }: {
  html: string; full: string | null; terms: string[]; size: number; hiddenHits: number;
}) {
  const [open, setOpen] = useState(false);
  const pattern = useMemo(() => highlightPattern(terms), [terms]);
  const expanded = useMemo(() => {
    if (!open || full === null) return null;
    if (full.length <= MARKDOWN_LIMIT) return { html: renderMarkdown(full, pattern) };
    return { pieces: splitHighlights(full, pattern) };
  }, [open, full, pattern]);

  return (
    <div>
      {expanded?.pieces ? (
        <pre className="md-plain">{expanded.pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</pre>
      ) : (
        <div className={open ? 'md' : 'md md-collapsed'} dangerouslySetInnerHTML={{ __html: expanded?.html ?? html }} />
      )}
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="show-all"
        className="mt-2 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100">
        {open ? 'collapse' : `show all (${formatSize(size)}${hiddenHits ? `, ${hiddenHits} more ${hiddenHits === 1 ? 'match' : 'matches'}` : ''})`}
      </button>
    </div>
  );
}
