'use client';
// Finding the match in a conversation: opened from a search, it scrolls to the first highlighted
// hit and says "match i of N", with previous and next (also the n and p keys); j and k move through
// the turns ("turn i of N"). Past the server-rendered head it asks LaterMessages for the rest.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useHydrated } from '@/components/common/use-hydrated';
import { isTyping } from '@/components/common/keyboard-shortcuts';
import { RENDER_ALL, TURNS_RENDERED } from './turn-focus';

const list = () => document.querySelector('[data-testid="messages"]');
const marks = () => [...(list()?.querySelectorAll('mark') ?? [])] as HTMLElement[];
/** The messages that start a turn (a user message, with its anchor). */
const turns = () => [...(list()?.querySelectorAll<HTMLElement>(':scope > li[data-role="user"][id]') ?? [])];

export function MatchNav({
  searching,
  more,
  turnCount,
}: {
  /** The page highlights a search. */
  searching: boolean;
  /** Messages past the head are not rendered yet. */
  more: boolean;
  /** Turns in the whole conversation. */
  turnCount: number;
}) {
  const [match, setMatch] = useState<{ at: number; of: number }>({ at: -1, of: 0 });
  const [turn, setTurn] = useState(-1);
  const [all, setAll] = useState(!more);
  const live = useHydrated();
  const pending = useRef<number | null>(null);

  const goMatch = useCallback(
    (at: number) => {
      const found = marks();
      if (at >= found.length && !all) {
        // The next match may be past the head: render the rest, then go on.
        pending.current = at;
        setAll(true);
        window.dispatchEvent(new Event(RENDER_ALL));
        return;
      }
      if (found.length === 0) return;
      const i = ((at % found.length) + found.length) % found.length;
      found.forEach((m) => m.removeAttribute('data-current-match'));
      found[i]!.setAttribute('data-current-match', '');
      found[i]!.scrollIntoView({ block: 'center' });
      setMatch({ at: i, of: found.length });
    },
    [all],
  );

  const goTurn = useCallback(
    (at: number) => {
      const found = turns();
      if (at >= found.length && !all) {
        setAll(true);
        window.dispatchEvent(new Event(RENDER_ALL));
      }
      if (found.length === 0) return;
      const i = Math.max(0, Math.min(at, found.length - 1));
      found.forEach((t) => t.removeAttribute('data-focused'));
      found[i]!.setAttribute('data-focused', '');
      found[i]!.scrollIntoView({ block: 'start' });
      history.replaceState(null, '', `#${found[i]!.id}`);
      setTurn(i);
    },
    [all],
  );

  // Opened from a search, without a turn to land on: the first match.
  useEffect(() => {
    const landing = searching && !window.location.hash;
    const frame = requestAnimationFrame(() => (landing ? goMatch(0) : setMatch({ at: -1, of: marks().length })));
    return () => cancelAnimationFrame(frame);
    // Only on arrival: later renders must not pull the reader back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // More messages rendered: count again, and carry on to a match asked for before they were there.
  useEffect(() => {
    // Messages arrive in steps (scrolling renders some too): wait until the match asked for is there.
    const again = () => {
      const at = pending.current;
      if (at !== null && marks().length > at) {
        pending.current = null;
        goMatch(at);
      } else {
        setMatch((m) => ({ ...m, of: marks().length }));
      }
    };
    window.addEventListener(TURNS_RENDERED, again);
    return () => window.removeEventListener(TURNS_RENDERED, again);
  }, [goMatch]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const current = () => {
        const i = turns().findIndex((t) => t.id === window.location.hash.slice(1));
        return i >= 0 ? i : turn;
      };
      if (e.key === 'n' && searching) goMatch(match.at + 1);
      else if (e.key === 'p' && searching) goMatch(match.at - 1);
      else if (e.key === 'j') goTurn(current() + 1);
      else if (e.key === 'k') goTurn(Math.max(0, current() - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goMatch, goTurn, match.at, searching, turn]);

  const button = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-40';
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="match-nav" data-live={live || undefined}>
      {searching && (
        <span className="flex items-center gap-1" aria-live="polite">
          <button
            type="button"
            className={button}
            onClick={() => goMatch(match.at - 1)}
            disabled={match.of === 0}
            aria-label="Previous match (p)"
          >
            ‹
          </button>
          <span data-testid="match-position">
            {match.of === 0 && all ? 'no match shown' : `match ${match.at + 1 > 0 ? match.at + 1 : '–'} of ${match.of}${all ? '' : '+'}`}
          </span>
          <button
            type="button"
            className={button}
            onClick={() => goMatch(match.at + 1)}
            disabled={match.of === 0 && all}
            aria-label="Next match (n)"
          >
            ›
          </button>
        </span>
      )}
      <span className="flex items-center gap-1">
        <button type="button" className={button} onClick={() => goTurn(Math.max(0, turn - 1))} aria-label="Previous turn (k)">
          ‹
        </button>
        <span data-testid="turn-position">
          turn {turn >= 0 ? turn + 1 : '–'} of {turnCount}
        </span>
        <button type="button" className={button} onClick={() => goTurn(turn + 1)} aria-label="Next turn (j)">
          ›
        </button>
      </span>
    </div>
  );
}
