import type { DatesDef } from '@/lib/filters/fields';
import type { ViewLinks } from '@/lib/urls';
import { HiddenParams } from './hidden-params';

const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : '');

/** From/to dates (UTC, `to` inclusive) as a plain GET form that keeps the other filters. */
export function DateRange({ def, links, notice }: { def: DatesDef; links: ViewLinks; notice?: React.ReactNode }) {
  return (
    <section className="mb-4" data-facet={def.key}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{def.title}</h3>
      {notice}
      <form action={links.path} method="get" className="grid grid-cols-[2.5rem_1fr] items-center gap-1 text-sm">
        <HiddenParams links={links} except={['from', 'to']} />
        <label htmlFor="from" className="text-slate-500">
          from
        </label>
        <input id="from" type="date" name="from" defaultValue={day(links.value('from'))} className="rounded border border-slate-300 px-1" />
        <label htmlFor="to" className="text-slate-500">
          to
        </label>
        <input id="to" type="date" name="to" defaultValue={day(links.value('to'))} className="rounded border border-slate-300 px-1" />
        <span />
        <button className="justify-self-start rounded border border-slate-300 bg-white px-2 text-xs hover:bg-slate-100">Apply dates</button>
      </form>
    </section>
  );
}
