'use client';
import { useMemo } from 'react';
import { FIELDS } from '@/lib/filters/fields';
import type { Ranked, TopicStats } from '@/lib/stats/types';
import type { Omitted } from './caption';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { RankedBars } from './ranked-bars';
import { chosenBy, useFilterNav } from './use-filter-nav';

const TOPICS_SHOWN = 15;

/** A broad topic as the charts name it: its label, or what a conversation without one is. */
export const topicName = (v: { value: string | null; label?: string | null }): string =>
  v.value === null ? 'no topic' : (v.label ?? v.value);

/** The broad topics of the map, ranked by conversations; a click filters by the topic. */
export function TopicsChart({ topics, total, query, omitted }: { topics: TopicStats; total: number; query: string; omitted?: Omitted }) {
  const nav = useFilterNav(query);
  const key = FIELDS.topic.key;
  const selected = useMemo(() => new Set(nav.links.values(key)), [nav.links, key]);
  const chosen = useMemo(() => (omitted ? chosenBy(nav.links, key) : undefined), [omitted, nav.links, key]);
  const base = omitted?.total ?? total;
  const values = topics.topics;
  const labelOf = useMemo(() => new Map(values.map((v) => [v.value, topicName(v)])), [values]);
  return (
    <ChartFrame
      id="topics"
      csv="topics"
      query={query}
      title="Topics"
      subtitle="Broad topics of the topic map, by the first user message. Click a bar to filter by it."
      pickable
      omitted={omitted}
      total={values.reduce((a, v) => a + v.count, 0)}
    >
      {values.length === 0 || base === 0 ? (
        <EmptyState />
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-param={key}>
          <RankedBars
            values={values}
            total={base}
            selected={selected}
            chosen={chosen}
            onPick={(v) => nav.toggle(key, v)}
            limit={TOPICS_SHOWN}
            labelOf={(v: Ranked) => labelOf.get(v.value) ?? 'no topic'}
          />
          {values.length > TOPICS_SHOWN && (
            <p className="mt-1 text-xs text-slate-500">
              Top {TOPICS_SHOWN} of {values.length}; the CSV has them all.
            </p>
          )}
        </div>
      )}
    </ChartFrame>
  );
}
