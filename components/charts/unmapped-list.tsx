'use client';
import type { Ranked } from '@/lib/stats/types';
import { count } from './format';

/** Values the map has no shape for, and the conversations with no value: listed, never dropped. */
export function UnmappedList({
  unmapped,
  unknown,
  onPick,
  noun,
}: {
  unmapped: Ranked[];
  unknown?: Ranked;
  onPick: (v: string) => void;
  noun: string;
}) {
  if (!unmapped.length && !unknown) return null;
  return (
    <div className="mt-2 space-y-1 text-xs text-slate-600" data-testid="unmapped">
      {unmapped.length > 0 && (
        <p>
          Not on the map:{' '}
          {unmapped.map((u, i) => (
            <span key={u.value}>
              {i > 0 && ', '}
              <button type="button" className="text-indigo-700 underline" data-unmapped={u.value} onClick={() => onPick(u.value!)}>
                {u.value}
              </button>{' '}
              ({count(u.count)})
            </span>
          ))}
        </p>
      )}
      {unknown && (
        <p>
          No {noun} recorded: {count(unknown.count)} conversations.
        </p>
      )}
    </div>
  );
}
