import Link from 'next/link';
import { Suspense } from 'react';
import { preload } from 'react-dom';
import { Sentence } from '@/components/common/sentence';
import { ViewNotice } from '@/components/common/view-notice';
import { Legend } from '@/components/map/legend';
import { MapView } from '@/components/map/map-view';
import { TopicTable } from '@/components/map/topic-table';
import type { Filter } from '@/lib/filters/schema';
import { isUnfiltered } from '@/lib/filters/where';
import { COLORS, filterQuery, type MapColor } from '@/lib/map-view/params';
import { countByTopic, getMapInfo, getMapMatches, getMapPoints, NoMapError } from '@/lib/queries/map';
import { pageNotice } from '@/lib/server/respond';
import type { ViewLinks } from '@/lib/urls';

const fmt = (n: number) => n.toLocaleString('en-US');
const COLOR_NAMES: Record<MapColor, string> = {
  topic: 'Topic',
  language: 'Language',
  model: 'Model',
  moderation: 'Moderation',
  dataset: 'Dataset',
};

/** The map of one filter: counts, the colour choice, the map and the table of topics. */
export async function MapBody({ filter, color, links }: { filter: Filter; color: MapColor; links: ViewLinks }) {
  const filtered = !isUnfiltered(filter);
  const filters = filterQuery(links.params);
  let info, matches, perTopic;
  try {
    info = await getMapInfo();
    matches = await getMapMatches(filter, filters);
    perTopic = filtered ? countByTopic(await getMapPoints(), matches) : undefined;
  } catch (e) {
    if (e instanceof NoMapError)
      return (
        <ViewNotice
          message="This index has no topic map: it was built before maps, or no conversation has a user message. Rebuild the index (npm run ingest) to make one."
          href={links.results()}
          action="Show the results instead"
        />
      );
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={links.self} action="Try again" />;
    throw e;
  }
  const legend = color === 'topic' ? undefined : info.legends[color];
  // The points start downloading with the page's scripts, not after they have run.
  preload('/api/map/points', { as: 'fetch', crossOrigin: 'anonymous' });
  // The legend and the topic table (~350 links) in boundaries of their own, which React may hydrate
  // apart from the map and after it (docs/PERFORMANCE.md: no earlier drawing measured).
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="total" data-total={matches.count}>
        <Sentence total={matches.count} links={links} />
        <span className="text-slate-500"> on the map</span>
      </p>
      <p className="text-sm" data-testid="map-count" data-matches={matches.count} data-points={info.points}>
        {filtered
          ? `${fmt(matches.count)} of ${fmt(info.points)} conversations on the map match`
          : `${fmt(info.points)} conversations on the map`}
        <span className="text-slate-500"> · {info.method}</span>
      </p>
      {/* Not prefetched, as the legend's and the table's links: each is another map of every point.
          Client links, so a new colour or filter recolours the drawn points instead of loading the
          page again (plain links measured no faster to ready: docs/PERFORMANCE.md). */}
      <nav aria-label="Colour the points by" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Colour by</span>
        {/* By dataset only when there are several to tell apart. */}
        {COLORS.filter((c) => c !== 'dataset' || info.legends.dataset.length > 1).map((c) => (
          <Link
            key={c}
            href={links.set({ color: c === 'topic' ? null : c })}
            prefetch={false}
            aria-current={c === color ? 'true' : undefined}
            className={`rounded border px-2 py-0.5 ${c === color ? 'border-indigo-600 bg-indigo-50 text-indigo-900' : 'border-slate-300 text-slate-700 hover:bg-slate-100'}`}
          >
            {COLOR_NAMES[c]}
          </Link>
        ))}
      </nav>
      <MapView
        points={info.points}
        bounds={info.bounds}
        topics={info.topics.map(({ id, parent, level, num, label, count, x, y }) => ({ id, parent, level, num, label, count, x, y }))}
        color={color}
        legend={legend}
        filters={filtered ? filters : ''}
      >
        <Suspense>
          <Legend color={color} legend={legend} broad={info.topics.filter((t) => t.level === 1)} links={links} />
        </Suspense>
      </MapView>
      <Suspense>
        <TopicTable topics={info.topics} perTopic={perTopic} links={links} />
      </Suspense>
    </div>
  );
}
