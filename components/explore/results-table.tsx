import Link from 'next/link';
import type { ConversationRow } from '@/lib/queries/conversations';
import { conversationPath, toggleHref } from '@/lib/urls';

export function ResultsTable({ rows, params }: { rows: ConversationRow[]; params: URLSearchParams }) {
  const filterLink = (param: string, v: string | null) =>
    v === null ? <span className="text-slate-400">—</span> : <Link className="hover:underline" href={toggleHref(params, param, v)}>{v}</Link>;
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid="results">
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="w-36 py-2">Time (UTC)</th><th className="w-40">Model</th><th className="w-24">Language</th>
          <th className="w-36">Place</th><th className="w-12 text-right">Turns</th><th className="pl-4">First message</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-200 align-top hover:bg-white" data-id={r.id}>
            <td className="py-2 tabular-nums text-slate-600">{r.timestamp?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
            <td>{filterLink('model', r.model)}</td>
            <td>{filterLink('language', r.language)}</td>
            <td className="truncate">{filterLink('country', r.country)}{r.state && <span className="text-slate-500"> · {filterLink('state', r.state)}</span>}</td>
            <td className="text-right tabular-nums">{r.turns}</td>
            <td className="pl-4">
              <Link href={conversationPath(r.id)} className="line-clamp-2 text-slate-800 hover:text-indigo-700">
                {r.preview || <span className="italic text-slate-400">(empty message)</span>}
              </Link>
              {(r.toxic || r.redacted) && (
                <span className="mt-1 flex gap-1 text-xs">
                  {r.toxic && <span className="rounded bg-rose-100 px-1 text-rose-700">toxic</span>}
                  {r.redacted && <span className="rounded bg-amber-100 px-1 text-amber-800">redacted</span>}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
