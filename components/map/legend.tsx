import Link from 'next/link';
import { colourOf } from '@/lib/map-view/colors';
import type { MapColor } from '@/lib/map-view/params';
import type { ViewLinks } from '@/lib/urls';
import type { ViewLegendEntry, ViewTopic } from './map-view';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * What the colours mean, each entry filtering the map. Server-rendered, passed to the map as its
 * children; its links are not prefetched (each is another map of every point).
 */
export function Legend({
  color,
  legend,
  broad,
  links,
}: {
  color: MapColor;
  legend?: ViewLegendEntry[];
  broad: Pick<ViewTopic, 'id' | 'label' | 'count'>[];
  links: ViewLinks;
}) {
  const items =
    color === 'topic' || !legend
      ? broad.map((t, i) => ({
          key: t.id,
          label: t.label,
          colour: colourOf('topic', i % 20),
          href: links.toggle('topic', t.id),
          count: t.count,
        }))
      : legend.map((e) => ({
          key: String(e.code),
          label: e.label,
          colour: colourOf(color, e.code, e.value === null && color !== 'moderation'),
          href: e.value !== null ? links.toggle(color, e.value) : undefined,
          count: e.count,
        }));
  return (
    <div>
      <h2 className="sr-only">Legend</h2>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs" data-testid="map-legend">
        {items.map((it) => (
          <li key={it.key} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: it.colour }} />
            {it.href ? (
              <Link prefetch={false} href={it.href} className="text-slate-700 underline decoration-slate-300 hover:text-slate-900">
                {it.label}
              </Link>
            ) : (
              <span className="text-slate-700">{it.label}</span>
            )}
            <span className="text-slate-500">{fmt(it.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
