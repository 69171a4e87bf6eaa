'use client';
import { useMemo } from 'react';
import type { ValueDef } from '@/lib/filters/fields';
import type { ChartName, Ranked } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { RankedBars } from './ranked-bars';
import { chosenBy, useFilterNav } from './use-filter-nav';
import type { Omitted } from './caption';

interface Props {
  id: ChartName;
  title: string;
  subtitle: string;
  def: ValueDef; // the filter a click toggles
  values: Ranked[];
  total: number;
  query: string;
  limit?: number;
  /** Drawn without its own filter: shares are of the conversations it counts. */
  omitted?: Omitted;
}

/** Languages, models, or one country's states as ranked bars. */
export function RankedChart({ id, title, subtitle, def, values, total, query, limit, omitted }: Props) {
  const nav = useFilterNav(query);
  const selected = useMemo(() => new Set(nav.links.values(def.key)), [nav.links, def.key]);
  const chosen = useMemo(() => (omitted ? chosenBy(nav.links, def.key) : undefined), [omitted, nav.links, def.key]);
  const base = omitted?.total ?? total;
  const shown = values.slice(0, limit ?? 15);
  return (
    <ChartFrame
      id={id}
      csv={id}
      query={query}
      title={title}
      subtitle={subtitle}
      pickable
      omitted={omitted}
      total={values.reduce((a, v) => a + v.count, 0)}
    >
      {values.length === 0 || base === 0 ? (
        <EmptyState />
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-param={def.key}>
          <RankedBars
            values={values}
            total={base}
            selected={selected}
            chosen={chosen}
            onPick={(v) => nav.toggle(def.key, v)}
            limit={limit}
          />
          {values.length > shown.length && (
            <p className="mt-1 text-xs text-slate-500">
              Top {shown.length} of {values.length}; the CSV has them all.
            </p>
          )}
        </div>
      )}
    </ChartFrame>
  );
}
