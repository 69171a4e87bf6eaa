'use client';
import { useState } from 'react';
import {
  barPercent,
  detoxifyRows,
  formatScore,
  openaiRows,
  strongest,
  tone,
  type ScoreRow,
  type Tone,
} from '@/lib/conversation/moderation-view';
import type { Moderation } from '@/lib/queries/conversation-read';

const BAR: Record<Tone, string> = {
  flagged: 'bg-rose-600',
  high: 'bg-orange-500',
  medium: 'bg-amber-400',
  low: 'bg-slate-400',
  none: 'bg-slate-200',
};

function MiniBars({ rows }: { rows: ScoreRow[] }) {
  return (
    <span className="inline-flex h-4 items-end gap-px" aria-hidden>
      {rows.map((r) => (
        <span key={r.name} title={`${r.name} ${formatScore(r.score)}`} className="flex h-4 w-1.5 flex-col justify-end bg-slate-100">
          <span className={`block w-full ${BAR[tone(r)]}`} style={{ height: `${barPercent(r.score)}%` }} />
        </span>
      ))}
    </span>
  );
}

function ScoreTable({ title, rows }: { title: string; rows: ScoreRow[] }) {
  return (
    <table className="w-full text-xs">
      <caption className="pb-1 text-left font-medium text-slate-600">{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.name}
            data-category={r.name}
            data-flagged={r.flagged || undefined}
            className={r.flagged ? 'font-semibold text-rose-700' : ''}
          >
            <td className="w-48 py-0.5 pr-2">
              {r.name}
              {r.flagged && <span className="ml-1 rounded bg-rose-100 px-1 text-rose-700">flagged</span>}
            </td>
            <td className="py-0.5 pr-2">
              <div className="h-2 w-full rounded bg-slate-100">
                <div className={`h-2 rounded ${BAR[tone(r)]}`} style={{ width: `${barPercent(r.score)}%` }} />
              </div>
            </td>
            <td className="w-20 py-0.5 text-right font-mono tabular-nums">{formatScore(r.score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One message's moderation: a one-line summary with bars, opening to the numbers. The tables are
 * rendered only once opened: a conversation of hundreds of messages would otherwise carry kilobytes
 * of table markup per message.
 */
export function ModerationPanel({ moderation, showDetoxify }: { moderation: Moderation; showDetoxify: boolean }) {
  const [open, setOpen] = useState(false);
  const openai = openaiRows(moderation);
  const detox = detoxifyRows(moderation);
  if (!openai && !detox) {
    return (
      <p className="mt-2 text-xs italic text-slate-600" data-testid="moderation">
        moderation: not scored
      </p>
    );
  }
  const top = openai ? strongest(openai) : null;
  return (
    <details className="mt-2 text-xs" data-testid="moderation" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 text-slate-600 hover:text-slate-800">
        <span>moderation</span>
        {openai ? <MiniBars rows={openai} /> : <span className="italic">OpenAI not scored</span>}
        {moderation.flagged ? (
          <span className="rounded bg-rose-600 px-1 font-semibold text-white">flagged</span>
        ) : moderation.flagged === false ? (
          <span>not flagged</span>
        ) : null}
        {top && (
          <span className={top.flagged ? 'text-rose-700' : ''}>
            max {top.name} {formatScore(top.score)}
          </span>
        )}
        <span className="text-slate-600">▸ numbers</span>
      </summary>
      {open && (
        <div className="mt-2 grid gap-3 rounded border border-slate-200 bg-white p-2 md:grid-cols-2">
          {openai ? (
            <ScoreTable
              title={`OpenAI moderation · flagged: ${moderation.flagged === null ? '—' : String(moderation.flagged)}`}
              rows={openai}
            />
          ) : (
            <p className="italic text-slate-600">OpenAI moderation: not scored</p>
          )}
          {detox ? (
            <ScoreTable title="Detoxify" rows={detox} />
          ) : (
            showDetoxify && <p className="italic text-slate-600">Detoxify: not scored</p>
          )}
        </div>
      )}
    </details>
  );
}
