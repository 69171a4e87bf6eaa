'use client';
import { useMemo, useState } from 'react';
import { shapeNameOf } from '@/lib/geo/country-names';
import { place } from '@/lib/geo/place';
import type { ShapeSet } from '@/lib/geo/shapes';
import type { Stats } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { Choropleth, type MapMode } from './choropleth';
import { EmptyState } from './empty-state';
import { MapModeToggle } from './map-mode';
import { RankedBars } from './ranked-bars';
import { UnmappedList } from './unmapped-list';
import { useFilterNav } from './use-filter-nav';
import { FIELDS } from '@/lib/filters/fields';

interface Props {
  states: Stats['states'];
  total: number;
  query: string;
  usShapes?: ShapeSet;
}

const US = 'United States of America';

/** A US states map when the United States alone is selected; ranked states or regions otherwise. */
export function StatesChart({ states, total, query, usShapes }: Props) {
  const [mode, setMode] = useState<MapMode>('count');
  const nav = useFilterNav(query);
  const countries = nav.links.values(FIELDS.country.key);
  const only = countries.length === 1 ? countries[0]! : null;
  const selected = useMemo(() => new Set(nav.links.values(FIELDS.state.key)), [nav.links]);
  const rows = useMemo(() => (only ? states.filter((s) => s.country === only) : states), [states, only]);
  const onMap = !!usShapes && only !== null && shapeNameOf(only) === US;
  const names = useMemo(() => new Set(usShapes?.shapes.map((s) => s.name) ?? []), [usShapes]);
  const placement = useMemo(() => (onMap ? place(rows, names) : null), [onMap, rows, names]);
  const pick = (s: string) => nav.toggle(FIELDS.state.key, s);
  const inCountry = rows.reduce((a, s) => a + s.count, 0);
  return (
    <ChartFrame
      id="states"
      csv="states"
      query={query}
      total={inCountry}
      pickable
      title={only ? `States and regions of ${only}` : 'States and regions'}
      subtitle={
        only
          ? 'Click a state or region to filter by it.'
          : 'The largest states and regions of all countries; select one country on the map to see only its own.'
      }
      controls={onMap ? <MapModeToggle mode={mode} onChange={setMode} /> : undefined}
    >
      {rows.length === 0 || total === 0 ? (
        <EmptyState>{total === 0 ? undefined : 'No states or regions recorded for this selection.'}</EmptyState>
      ) : placement && usShapes ? (
        <div className={nav.pending ? 'opacity-60' : ''}>
          <Choropleth
            shapes={usShapes}
            byShape={placement.byShape}
            total={total}
            mode={mode}
            selected={selected}
            onPick={pick}
            label="state"
          />
          <UnmappedList unmapped={placement.unmapped} unknown={placement.unknown} onPick={pick} noun="state" />
        </div>
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-param={FIELDS.state.key}>
          <RankedBars
            values={rows}
            total={total}
            selected={selected}
            onPick={pick}
            limit={15}
            labelOf={only ? undefined : (s) => `${s.value ?? 'unknown'}, ${(s as Props['states'][number]).country ?? '?'}`}
          />
        </div>
      )}
    </ChartFrame>
  );
}
