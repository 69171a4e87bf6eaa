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
import { chosenBy, useFilterNav } from './use-filter-nav';
import type { Omitted } from './caption';
import { FIELDS } from '@/lib/filters/fields';

interface Props {
  states: Stats['states'];
  total: number;
  query: string;
  usShapes?: ShapeSet;
  /** Drawn without the state filter: shares are of the conversations it counts. */
  omitted?: Omitted;
}

const US = 'United States of America';

/** A US states map when the United States alone is selected; ranked states or regions otherwise. */
export function StatesChart({ states, total, query, usShapes, omitted }: Props) {
  const [mode, setMode] = useState<MapMode>('count');
  const nav = useFilterNav(query);
  const countries = nav.links.values(FIELDS.country.key);
  const only = countries.length === 1 ? countries[0]! : null;
  const selected = useMemo(() => new Set(nav.links.values(FIELDS.state.key)), [nav.links]);
  const chosen = useMemo(() => (omitted ? chosenBy(nav.links, FIELDS.state.key) : undefined), [omitted, nav.links]);
  const base = omitted?.total ?? total;
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
      omitted={omitted}
      title={only ? `States and regions of ${only}` : 'States and regions'}
      subtitle={
        only
          ? 'Click a state or region to filter by it.'
          : 'The largest states and regions of all countries; select one country on the map to see only its own.'
      }
      controls={onMap ? <MapModeToggle mode={mode} onChange={setMode} /> : undefined}
    >
      {rows.length === 0 || base === 0 ? (
        <EmptyState>{base === 0 ? undefined : 'No states or regions recorded for this selection.'}</EmptyState>
      ) : placement && usShapes ? (
        <div className={nav.pending ? 'opacity-60' : ''}>
          <Choropleth
            shapes={usShapes}
            byShape={placement.byShape}
            total={base}
            mode={mode}
            selected={selected}
            chosen={chosen}
            onPick={pick}
            label="state"
          />
          <UnmappedList unmapped={placement.unmapped} unknown={placement.unknown} onPick={pick} noun="state" />
        </div>
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-param={FIELDS.state.key}>
          <RankedBars
            values={rows}
            total={base}
            selected={selected}
            chosen={chosen}
            onPick={pick}
            limit={15}
            labelOf={only ? undefined : (s) => `${s.value ?? 'unknown'}, ${(s as Props['states'][number]).country ?? '?'}`}
          />
        </div>
      )}
    </ChartFrame>
  );
}
