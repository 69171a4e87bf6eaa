'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { turnInfos } from '@/lib/conversation/turns';
import { highlightPattern } from '@/lib/markdown/highlight';
import type { Message } from '@/lib/queries/conversation-read';
import { conversationApiPath, turnAnchor } from '@/lib/urls';
import { MessageCard } from './message-card';
import { RENDER_ALL, TURNS_RENDERED } from './turn-focus';

/** Messages rendered per step while the reader scrolls down. */
const STEP = 60;

/**
 * The messages after the server-rendered head of a long conversation. They are fetched from the
 * API once, then rendered a step at a time as the reader nears the end, or at once up to the turn
 * a permalink names (`anchors` lists the anchor keys past the head, so the hash can be checked
 * before anything is fetched).
 */
export function LaterMessages({
  conversationId,
  dataset,
  start,
  total,
  anchors,
  terms,
  showDetoxify,
}: {
  conversationId: string;
  /** The dataset it was read from, when several hold its id. */
  dataset?: string;
  start: number;
  total: number;
  anchors: string[];
  terms: string[];
  showDetoxify: boolean;
}) {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [shown, setShown] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const wanted = useRef(0);
  const loading = useRef(false);
  const sentinel = useRef<HTMLLIElement>(null);
  const pattern = useMemo(() => highlightPattern(terms), [terms]);

  const show = useCallback(
    (count: number) => {
      wanted.current = Math.max(wanted.current, Math.min(count, total - start));
      if (messages) {
        setShown(wanted.current);
        return;
      }
      if (loading.current) return;
      loading.current = true;
      setFailed(null);
      fetch(conversationApiPath(conversationId, dataset))
        .then(async (r) => {
          if (!r.ok) throw new Error(`the server answered ${r.status}`);
          const body = (await r.json()) as { messages: Message[] };
          setMessages(body.messages);
          setShown(wanted.current);
        })
        .catch((e: Error) => setFailed(e.message))
        .finally(() => {
          loading.current = false;
        });
    },
    [conversationId, dataset, messages, start, total],
  );

  // A permalink to a turn past the head: render up to it (and a little beyond), then let TurnFocus scroll.
  useEffect(() => {
    const fromHash = () => {
      let key = '';
      try {
        key = decodeURIComponent(window.location.hash.slice(1));
      } catch {
        return;
      }
      const at = anchors.findIndex((a) => turnAnchor(a) === key);
      if (at >= 0) show(at + 1 + STEP / 2);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [anchors, show]);

  useEffect(() => {
    const all = () => show(total - start);
    window.addEventListener(RENDER_ALL, all);
    return () => window.removeEventListener(RENDER_ALL, all);
  }, [show, start, total]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) show(wanted.current + STEP);
      },
      { rootMargin: '1500px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [show, shown]);

  useEffect(() => {
    if (shown > 0) window.dispatchEvent(new Event(TURNS_RENDERED));
  }, [shown]);

  const turns = useMemo(() => (messages ? turnInfos(messages) : []), [messages]);
  const rest = total - start - shown;
  return (
    <>
      {messages?.slice(start, start + shown).map((m, i) => (
        <MessageCard
          key={start + i}
          conversationId={conversationId}
          dataset={dataset}
          message={m}
          turn={turns[start + i]!}
          pattern={pattern}
          terms={terms}
          showDetoxify={showDetoxify}
        />
      ))}
      {rest > 0 && (
        <li ref={sentinel} className="list-none text-center text-sm text-slate-600" data-testid="later-messages">
          {failed ? <span role="alert">The remaining messages could not be loaded: {failed}. </span> : null}
          <button
            type="button"
            onClick={() => show(wanted.current + STEP)}
            className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-100"
          >
            {failed ? 'try again' : `show ${Math.min(STEP, rest)} more of ${rest} remaining messages`}
          </button>
        </li>
      )}
    </>
  );
}
