import Link from 'next/link';
import type { MapTopic } from '@/lib/queries/map';
import type { ViewLinks } from '@/lib/urls';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The map's topics as a table: what the canvas shows, for screen readers and the keyboard. Each
 * topic filters the map or opens its conversations; with a filter, how many of them match.
 */
export function TopicTable({ topics, perTopic, links }: { topics: MapTopic[]; perTopic?: Map<number, number>; links: ViewLinks }) {
  const broad = topics.filter((t) => t.level === 1);
  const fine = topics.filter((t) => t.level === 2);
  const matching = (t: MapTopic) =>
    t.level === 2
      ? (perTopic?.get(t.num ?? -1) ?? 0)
      : fine.filter((f) => f.parent === t.id).reduce((a, f) => a + (perTopic?.get(f.num ?? -1) ?? 0), 0);
  const row = (t: MapTopic) => (
    <tr key={t.id} className={`border-t border-slate-100 ${t.level === 1 ? 'bg-slate-50 font-medium' : ''}`} data-topic={t.id}>
      <th scope="row" className={`py-1 pr-2 text-left font-normal ${t.level === 1 ? 'font-semibold' : 'pl-5'}`}>
        <Link href={links.toggle('topic', t.id)} prefetch={false} className="text-indigo-700 underline">
          {t.label}
        </Link>
        {t.terms.length > 0 && <span className="ml-2 text-xs text-slate-500">{t.terms.slice(0, 6).join(', ')}</span>}
      </th>
      <td className="py-1 pr-2 text-right tabular-nums">{fmt(t.count)}</td>
      {perTopic && <td className="py-1 pr-2 text-right tabular-nums">{fmt(matching(t))}</td>}
      <td className="py-1 text-right">
        <Link
          href={links.narrowed('topic', [t.id])}
          prefetch={false}
          className="text-indigo-700 underline"
          aria-label={`Results for ${t.label}`}
        >
          results
        </Link>
      </td>
    </tr>
  );
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title" className="mb-1 text-sm font-semibold">
        Topics ({broad.length} broad, {fine.length} in all)
      </h2>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="topic-table">
          <caption className="sr-only">
            Topics of the map with their conversations{perTopic ? ' and how many match the filters' : ''}
          </caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="px-2 py-1">
                Topic (click to filter the map)
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Conversations
              </th>
              {perTopic && (
                <th scope="col" className="py-1 pr-2 text-right">
                  Matching
                </th>
              )}
              <th scope="col" className="py-1 pr-2 text-right">
                Explore
              </th>
            </tr>
          </thead>
          <tbody className="[&_td]:px-2 [&_th]:px-2">
            {broad.flatMap((b) => [row(b), ...fine.filter((f) => f.parent === b.id).map(row)])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
