'use client';
import { useMemo, useState } from 'react';
import { shapeNameOf } from '@/lib/geo/country-names';
import { place } from '@/lib/geo/place';
import type { ShapeSet } from '@/lib/geo/shapes';
import type { Ranked } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { Choropleth, type MapMode } from './choropleth';
import { EmptyState } from './empty-state';
import { MapModeToggle } from './map-mode';
import { UnmappedList } from './unmapped-list';
import { chosenBy, useFilterNav } from './use-filter-nav';
import type { Omitted } from './caption';
import { FIELDS } from '@/lib/filters/fields';

interface Props {
  shapes: ShapeSet;
  countries: Ranked[];
  total: number;
  query: string;
  /** Drawn without the country filter: shares are of the conversations it counts. */
  omitted?: Omitted;
}

/** Conversations by country on a world map; click a country to filter by it. */
export function WorldMap({ shapes, countries, total, query, omitted }: Props) {
  const [mode, setMode] = useState<MapMode>('count');
  const nav = useFilterNav(query);
  const names = useMemo(() => new Set(shapes.shapes.map((s) => s.name)), [shapes]);
  const placement = useMemo(() => place(countries, names, shapeNameOf), [countries, names]);
  const selected = useMemo(() => new Set(nav.links.values(FIELDS.country.key)), [nav.links]);
  const chosen = useMemo(() => (omitted ? chosenBy(nav.links, FIELDS.country.key) : undefined), [omitted, nav.links]);
  const base = omitted?.total ?? total;
  const pick = (c: string) => nav.toggle(FIELDS.country.key, c);
  return (
    <ChartFrame
      id="countries"
      csv="countries"
      query={query}
      title="Conversations by country"
      total={countries.reduce((a, c) => a + c.count, 0)}
      omitted={omitted}
      subtitle="Country of the user's IP address. Click a country to filter by it."
      controls={<MapModeToggle mode={mode} onChange={setMode} />}
    >
      {base === 0 ? (
        <EmptyState height={300} />
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''}>
          <Choropleth
            shapes={shapes}
            byShape={placement.byShape}
            total={base}
            mode={mode}
            selected={selected}
            chosen={chosen}
            onPick={pick}
            label="country"
          />
          <UnmappedList unmapped={placement.unmapped} unknown={placement.unknown} onPick={pick} noun="country" />
        </div>
      )}
    </ChartFrame>
  );
}
