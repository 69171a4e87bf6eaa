import Link from 'next/link';
import type { UserSummary } from '@/lib/queries/user-summary';
import { FIELDS, type ValueDef } from '@/lib/filters/fields';
import type { ViewLinks } from '@/lib/urls';

const day = (t: string | null) => t?.slice(0, 10) ?? '—';

/** Conversations by month, with the flagged ones and each month's leading models and languages. */
function Activity({ months }: { months: UserSummary['months'] }) {
  const max = Math.max(...months.map((m) => m.count));
  const top = (xs: UserSummary['models']) =>
    xs
      .slice(0, 2)
      .map((x) => `${x.value ?? 'unknown'} ${x.count}`)
      .join(', ');
  return (
    <details className="mt-2" open={months.length <= 12} data-testid="user-activity">
      <summary className="cursor-pointer text-xs uppercase tracking-wide text-slate-500">Activity by month</summary>
      <table className="mt-1 w-full text-xs">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="font-normal">month</th>
            <th className="font-normal">conversations</th>
            <th className="font-normal">flagged</th>
            <th className="font-normal">models</th>
            <th className="font-normal">languages</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} className="border-t border-slate-100 dark:border-slate-800">
              <td>{m.month}</td>
              <td>
                <span
                  className="mr-1 inline-block h-2 rounded-sm bg-indigo-500 align-middle"
                  style={{ width: `${(m.count / max) * 4}rem` }}
                  aria-hidden
                />
                {m.count}
              </td>
              <td>{m.flagged}</td>
              <td>{top(m.models)}</td>
              <td>{top(m.languages)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** One user's conversations at a glance, shown when exactly one hashed IP is selected. */
export function UserSummaryCard({ summary, links }: { summary: UserSummary; links: ViewLinks }) {
  const list = (title: string, def: ValueDef, values: UserSummary['countries']) => (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{title}</dt>
      <dd className="flex flex-wrap gap-x-2">
        {values.slice(0, 6).map((v) =>
          v.value === null ? (
            <span key="null" className="italic text-slate-500">
              unknown {v.count}
            </span>
          ) : (
            <Link key={v.value} href={links.toggle(def.key, v.value)} className="hover:underline">
              {v.value} <span className="text-slate-500">{v.count}</span>
            </Link>
          ),
        )}
        {values.length > 6 && <span className="text-slate-500">+{values.length - 6}</span>}
      </dd>
    </div>
  );
  return (
    <section className="mb-3 rounded border border-slate-200 bg-white p-3 text-sm" data-testid="user-summary">
      <h2 className="mb-2 font-semibold">
        User <code className="break-all text-xs font-normal text-slate-600">{summary.hashed_ip}</code>
      </h2>
      <dl className="grid grid-cols-2 gap-2 md:grid-cols-5">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Conversations</dt>
          <dd data-testid="user-conversations">{summary.conversations.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Seen</dt>
          <dd>
            {day(summary.first_seen)} – {day(summary.last_seen)}
          </dd>
        </div>
        {list('Countries', FIELDS.country, summary.countries)}
        {list('Languages', FIELDS.language, summary.languages)}
        {list('Models', FIELDS.model, summary.models)}
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Flagged</dt>
          <dd data-testid="user-flagged">
            {summary.flagged.toLocaleString('en-US')} (
            {summary.conversations ? ((summary.flagged / summary.conversations) * 100).toFixed(1) : '0.0'}%)
          </dd>
        </div>
      </dl>
      {summary.months.length > 0 && <Activity months={summary.months} />}
    </section>
  );
}
