'use client';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { FIELDS } from '@/lib/filters/fields';
import type { TopicStats } from '@/lib/stats/types';
import { ViewLinks } from '@/lib/urls';
import type { Omitted } from './caption';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { count, percent } from './format';
import { barMark } from './marks';
import { OptionLinks } from './option-links';
import { seriesColour } from './palette';
import { SeriesLegend } from './series-legend';
import { Tip } from './tip';
import { topicName } from './topics-chart';
import { chosenBy, useFilterNav } from './use-filter-nav';

/** Topics drawn per group: the largest overall, in their order. */
export const SPLIT_TOPICS_SHOWN = 10;

type Row = { topic: string; label: string } & Record<string, number | string>;

const byTopic = (r: Record<string, unknown>) => String(r.topic);

const TopicSplitLinks = ({ query }: { query: string }) => (
  <OptionLinks
    label="split by"
    param="topic_split"
    query={query}
    current={new ViewLinks(query, '/charts').value('topic_split')}
    values={[
      [null, 'nothing'],
      ['language', 'language'],
      ['country', 'country'],
      ['model', 'model'],
      ['dataset', 'dataset'],
    ]}
  />
);

/**
 * For each of the top languages, countries or models, its conversations' shares by broad topic, as
 * grouped bars (one colour a group); a click filters by the topic.
 */
export function TopicSplitChart({ topics, query, omitted }: { topics: TopicStats; query: string; omitted?: Omitted }) {
  const nav = useFilterNav(query);
  const key = FIELDS.topic.key;
  const chosen = useMemo(() => (omitted ? chosenBy(nav.links, key) : undefined), [omitted, nav.links, key]);
  const { groups, split } = topics;
  const names = groups.map((g) => g.value);
  const rows = useMemo(() => {
    const of = new Map(groups.map((g) => [g.value, g.count]));
    return topics.topics
      .filter((t) => t.value !== null)
      .slice(0, SPLIT_TOPICS_SHOWN)
      .map((t): Row => {
        const row: Row = { topic: t.value!, label: topicName(t) };
        for (const g of groups) row[g.value] = 0;
        for (const c of topics.cells) {
          if (c.topic === t.value) {
            row[c.group] = (of.get(c.group) ?? 0) ? c.count / of.get(c.group)! : 0;
            row[`${c.group}:count`] = c.count;
          }
        }
        return row;
      });
  }, [topics, groups]);
  const top = Math.max(0, ...rows.flatMap((r) => names.map((g) => Number(r[g] ?? 0))));
  const longest = Math.max(4, ...rows.map((r) => r.label.length));
  const of = new Map(groups.map((g) => [g.value, g.count]));
  return (
    <ChartFrame
      id="topic_split"
      csv="topics"
      query={query}
      title={split ? `Topics by ${split}` : 'Topics, split'}
      subtitle={
        split
          ? `Each of the top ${groups.length} ${split === 'country' ? 'countries' : `${split}s`}: the share of its conversations on each topic. Click a bar to filter by the topic.`
          : 'Split the topic shares by language, country or model.'
      }
      controls={<TopicSplitLinks query={query} />}
      pickable={!!split}
      omitted={split ? omitted : undefined}
    >
      {!split ? (
        <EmptyState>Choose a split above to compare the topics of the top languages, countries or models.</EmptyState>
      ) : groups.length === 0 ? (
        <EmptyState />
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-param={key}>
          <BarChart
            responsive
            layout="vertical"
            data={rows}
            barCategoryGap="12%"
            barGap={1}
            style={{ width: '100%', height: rows.length * (8 * groups.length + 10) + 40 }}
            margin={{ top: 4, right: 16, bottom: 16, left: 4 }}
          >
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis
              type="number"
              domain={[0, top || 0.01]}
              tickFormatter={(v) => percent(Number(v), 1)}
              fontSize={11}
              label={{
                value: `share of the ${split}'s conversations`,
                position: 'insideBottom',
                offset: -10,
                fontSize: 11,
                fill: '#475569',
              }}
            />
            <YAxis type="category" dataKey="label" width={Math.min(230, longest * 6.5 + 10)} fontSize={11} interval={0} />
            <Tooltip
              cursor={{ fill: '#f1f5f9' }}
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
                if (!r) return null;
                return (
                  <Tip
                    title={r.label}
                    lines={names.map(
                      (g) =>
                        `${g}: ${count(Number(r[`${g}:count`] ?? 0))} of ${count(of.get(g) ?? 0)} (${percent(Number(r[`${g}:count`] ?? 0), of.get(g) ?? 0)})`,
                    )}
                  />
                );
              }}
            />
            {names.map((g, i) => (
              <Bar
                key={g}
                dataKey={g}
                fill={seriesColour(g, i)}
                isAnimationActive={false}
                style={{ cursor: 'pointer' }}
                shape={barMark(g, byTopic, chosen && ((r) => !chosen(String(r.topic))))}
                onClick={(d) => nav.toggle(key, String((d.payload as Row).topic))}
              />
            ))}
          </BarChart>
          <SeriesLegend keys={names} />
        </div>
      )}
    </ChartFrame>
  );
}
