'use client';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { CATEGORIES } from '@/lib/dataset/moderation';
import { mergeSeries } from '@/lib/stats/merge-series';
import type { ModerationStats } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { count, percent } from './format';
import { barMark } from './marks';
import { HIGHLIGHT, PRIMARY, seriesColour } from './palette';
import { SeriesLegend } from './series-legend';
import { SplitLinks } from './split-links';
import { Tip } from './tip';
import { useFilterNav } from './use-filter-nav';
import { FIELDS } from '@/lib/filters/fields';

type Row = { category: string } & Record<string, number | string>;

const byCategory = (r: Record<string, unknown>) => String(r.category);

/** For each OpenAI category, the share of scored messages it flagged; a click filters by the flag. */
export function ModerationFlagged({ moderation, query }: { moderation: ModerationStats; query: string }) {
  const nav = useFilterNav(query);
  const flagged = useMemo(() => new Set(nav.links.values(FIELDS.flagged.key)), [nav.links]);
  const { groups } = moderation;
  const rows = useMemo(() => {
    // Each group's scored and flagged messages as two series, lined up by category.
    const series = groups.flatMap((g) =>
      (['scored', 'flagged'] as const).map((n) => ({
        name: `${g}:${n}`,
        points: moderation.categories.filter((x) => x.group === g).map((x) => ({ key: x.category as string, count: x[n] })),
      })),
    );
    return mergeSeries(series, CATEGORIES).map(({ key, counts }): Row => {
      const row: Row = { ...counts, category: key };
      for (const g of groups) {
        const scored = counts[`${g}:scored`] ?? 0;
        row[g] = scored ? (counts[`${g}:flagged`] ?? 0) / scored : 0;
      }
      return row;
    });
  }, [moderation, groups]);
  const scored = moderation.categories.reduce((a, r) => Math.max(a, r.scored), 0);
  const split = groups.length > 1 || groups[0] !== 'all';
  const top = Math.max(0, ...rows.flatMap((r) => groups.map((g) => Number(r[g] ?? 0))));
  return (
    <ChartFrame
      id="moderation_flagged"
      csv="moderation"
      query={query}
      pickable
      total={moderation.categories.reduce((a, r) => a + r.flagged, 0)}
      title="Messages flagged, by OpenAI category"
      subtitle="Share of scored messages flagged. Click a category to keep only conversations flagged for it."
      controls={<SplitLinks query={query} />}
    >
      {scored === 0 ? (
        <EmptyState>No scored messages in this selection.</EmptyState>
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-param={FIELDS.flagged.key}>
          <BarChart
            responsive
            layout="vertical"
            data={rows}
            style={{ width: '100%', height: rows.length * (split ? 12 * groups.length + 8 : 24) + 40 }}
            margin={{ top: 4, right: 16, bottom: 16, left: 4 }}
          >
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis
              type="number"
              domain={[0, top || 0.01]}
              tickFormatter={(v) => percent(Number(v), 1)}
              fontSize={11}
              label={{ value: 'share of messages flagged', position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
            />
            <YAxis type="category" dataKey="category" width={150} fontSize={11} interval={0} />
            <Tooltip
              cursor={{ fill: '#f1f5f9' }}
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
                if (!r) return null;
                return (
                  <Tip
                    title={r.category}
                    lines={groups.map(
                      (g) =>
                        `${split ? `${g}: ` : ''}${count(Number(r[`${g}:flagged`] ?? 0))} of ${count(Number(r[`${g}:scored`] ?? 0))} messages (${percent(Number(r[`${g}:flagged`] ?? 0), Number(r[`${g}:scored`] ?? 0))})`,
                    )}
                  />
                );
              }}
            />
            {groups.map((g, i) => (
              <Bar
                key={g}
                dataKey={g}
                fill={split ? seriesColour(g, i) : PRIMARY}
                isAnimationActive={false}
                style={{ cursor: 'pointer' }}
                shape={barMark(g, byCategory)}
                onClick={(d) => nav.toggle(FIELDS.flagged.key, String((d.payload as Row).category))}
              >
                {!split && rows.map((r) => <Cell key={r.category} fill={flagged.has(String(r.category)) ? HIGHLIGHT : PRIMARY} />)}
              </Bar>
            ))}
          </BarChart>
          {split && <SeriesLegend keys={groups} />}
          {top === 0 && <p className="mt-1 text-xs text-slate-500">No message in this selection was flagged.</p>}
        </div>
      )}
    </ChartFrame>
  );
}
