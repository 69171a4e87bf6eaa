'use client';
import { useMemo, useState } from 'react';
import { formatSize } from '@/lib/conversation/format';
import { highlightPattern, splitHighlights } from '@/lib/markdown/highlight';
import { renderMarkdown } from '@/lib/markdown/render';
import { conversationApiPath } from '@/lib/urls';

/** Above this size an expanded message is shown as plain text: markdown would stall the page. */
const MARKDOWN_LIMIT = 200_000;

/** Where the whole text of a message whose head alone was sent can be fetched: its conversation and position. */
export interface MessageSource {
  conversationId: string;
  dataset?: string;
  position: number;
}

/**
 * A long message, collapsed until asked. `html` is the server-rendered (safe) markdown of the
 * whole message or of its head; `full` is the whole text when `html` covers only the head, or
 * where to fetch it: pages rendered on the server send only the head of a long message, so a
 * message of hundreds of KB does not weigh on the first paint.
 */
export function MessageBody({
  html,
  full,
  terms,
  size,
  hiddenHits,
  lang,
}: {
  html: string;
  full: string | MessageSource | null;
  terms: string[];
  size: number;
  hiddenHits: number;
  lang?: string;
}) {
  const [open, setOpen] = useState(false);
  const [fetched, setFetched] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const pattern = useMemo(() => highlightPattern(terms), [terms]);
  const remote = full !== null && typeof full === 'object' ? full : null;
  const text = typeof full === 'string' ? full : fetched;

  const toggle = () => {
    setOpen(!open);
    if (open || !remote || fetched !== null) return;
    setFailed(null);
    fetch(conversationApiPath(remote.conversationId, remote.dataset))
      .then(async (r) => {
        if (!r.ok) throw new Error(`the server answered ${r.status}`);
        const body = (await r.json()) as { messages: { content: string }[] };
        const m = body.messages[remote.position];
        if (!m) throw new Error('the message is no longer in the index');
        setFetched(m.content);
      })
      .catch((e: Error) => {
        setFailed(e.message);
        setOpen(false);
      });
  };

  const expanded = useMemo(() => {
    if (!open || text === null) return null;
    if (text.length <= MARKDOWN_LIMIT) return { html: renderMarkdown(text, pattern) };
    return { pieces: splitHighlights(text, pattern) };
  }, [open, text, pattern]);
  const loading = open && remote !== null && text === null && failed === null;

  return (
    <div>
      {expanded?.pieces ? (
        <pre className="md-plain">{expanded.pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</pre>
      ) : (
        <div
          className={open ? 'md' : 'md md-collapsed'}
          lang={lang}
          dir="auto"
          dangerouslySetInnerHTML={{ __html: expanded?.html ?? html }}
        />
      )}
      {failed && (
        <p role="alert" className="mt-2 text-xs text-red-700">
          Could not load the whole message: {failed}
        </p>
      )}
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        data-testid="show-all"
        disabled={loading}
        className="mt-2 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100"
      >
        {loading
          ? 'loading…'
          : open
            ? 'collapse'
            : `show all (${formatSize(size)}${hiddenHits ? `, ${hiddenHits} more ${hiddenHits === 1 ? 'match' : 'matches'}` : ''})`}
      </button>
    </div>
  );
}
