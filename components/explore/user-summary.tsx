import Link from 'next/link';
import type { UserSummary } from '@/lib/queries/user-summary';
import { FIELDS, type ValueDef } from '@/lib/filters/fields';
import type { ViewLinks } from '@/lib/urls';

const day = (t: string | null) => t?.slice(0, 10) ?? '—';

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
      </dl>
    </section>
  );
}
