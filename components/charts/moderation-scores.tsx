'use client';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { CATEGORIES, type Category } from '@/lib/dataset/moderation';
import { FIELDS, thresholdParam } from '@/lib/filters/fields';
import type { ViewLinks } from '@/lib/urls';
import { mergeSeries } from '@/lib/stats/merge-series';
import type { ModerationStats } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { compact, count, percent } from './format';
import { edge, logAxis, orNull, scoreParam } from './log-axis';
import { barMark } from './marks';
import { PRIMARY, seriesColour } from './palette';
import { SeriesLegend } from './series-legend';
import { SplitLinks } from './split-links';
import { Tip } from './tip';
import { useFilterNav } from './use-filter-nav';

type Row = { bin: string; lo: number; hi: number } & Record<string, number | string | null>;

const byLo = (r: Record<string, unknown>) => Number(r.lo);

/** The category a page opens on: the one filtered by, else harassment. */
function initialCategory(links: ViewLinks): Category {
  const flagged = links.values(FIELDS.flagged.key).find((f) => (CATEGORIES as readonly string[]).includes(f));
  if (flagged) return flagged as Category;
  const min = CATEGORIES.find((c) => links.value(thresholdParam(c)) !== null);
  return min ?? 'harassment';
}

/** One category's score histogram over log bins; a bin or the threshold box sets a minimum score. */
export function ModerationScores({ moderation, query }: { moderation: ModerationStats; query: string }) {
  const nav = useFilterNav(query);
  const links = nav.links;
  const [category, setCategory] = useState<Category>(() => initialCategory(links));
  const param = thresholdParam(category);
  const [threshold, setThreshold] = useState(links.value(param) ?? '');
  const { groups } = moderation;
  const split = groups.length > 1 || groups[0] !== 'all';
  const rows = useMemo(() => {
    const hists = moderation.histograms.filter((h) => h.category === category);
    const his = new Map(hists.flatMap((h) => h.bins.map((b) => [b.lo, b.hi] as const)));
    const totals = new Map(hists.map((h) => [h.group, h.bins.reduce((a, x) => a + x.count, 0)]));
    return mergeSeries(hists.map((h) => ({ name: h.group, points: h.bins.map((b) => ({ key: b.lo, count: b.count })) }))).map(
      ({ key, counts }) => {
        const row: Row = { bin: edge(key), lo: key, hi: his.get(key) ?? key };
        for (const h of hists) {
          const n = counts[h.group] ?? 0;
          const all = totals.get(h.group) ?? 0;
          row[`${h.group}:n`] = n;
          row[h.group] = orNull(split ? (all ? n / all : 0) : n);
        }
        return row;
      },
    );
  }, [moderation, category, split]);
  const axis = logAxis(rows.flatMap((r) => groups.map((g) => Number(r[g] ?? 0))));
  const messages = rows.reduce((a, r) => a + groups.reduce((b, g) => b + Number(r[`${g}:n`] ?? 0), 0), 0);
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    nav.set({ [param]: threshold.trim() || null });
  };
  return (
    <ChartFrame
      id="moderation_scores"
      csv="moderation"
      query={query}
      total={messages}
      pickable
      title={`Score distribution: ${category}`}
      subtitle={`Messages by OpenAI moderation score (log bins; ${split ? 'share of each group' : 'message count'} on a log scale). Click a bin to keep conversations scoring at least its lower edge.`}
      controls={
        <>
          <label className="flex items-center gap-1">
            category
            <select
              value={category}
              onChange={(e) => {
                setCategory(e.target.value as Category);
                setThreshold(links.value(thresholdParam(e.target.value as Category)) ?? '');
              }}
              className="rounded border border-slate-300 bg-white px-1 py-0.5"
              data-testid="score-category"
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <form onSubmit={apply} className="flex items-center gap-1">
            <label htmlFor="score-threshold">score ≥</label>
            <input
              id="score-threshold"
              type="number"
              min={0}
              max={1}
              step="any"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              className="w-20 rounded border border-slate-300 px-1 py-0.5"
            />
            <button className="rounded border border-slate-300 bg-white px-1.5 py-0.5 hover:bg-slate-100">Filter</button>
          </form>
          <button type="button" className="text-indigo-700 underline" onClick={() => nav.toggle(FIELDS.flagged.key, category)}>
            {links.has(FIELDS.flagged.key, category) ? `any flag (drop ${category})` : `only flagged for ${category}`}
          </button>
          <SplitLinks query={query} />
        </>
      }
    >
      {messages === 0 ? (
        <EmptyState>No scored messages in this selection.</EmptyState>
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''}>
          <BarChart responsive data={rows} style={{ width: '100%', height: 260 }} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="bin"
              fontSize={11}
              label={{ value: 'score (lower edge of the bin)', position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
            />
            <YAxis
              scale="log"
              domain={axis.domain}
              ticks={axis.ticks}
              allowDataOverflow
              fontSize={11}
              width={56}
              tickFormatter={(v) => (split ? percent(Number(v), 1) : compact(Number(v)))}
            />
            <Tooltip
              cursor={{ fill: '#f1f5f9' }}
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
                if (!r) return null;
                return (
                  <Tip
                    title={`score ${edge(r.lo)} – ${edge(r.hi)}`}
                    lines={groups.map(
                      (g) =>
                        `${split ? `${g}: ` : ''}${count(Number(r[`${g}:n`] ?? 0))} messages${split ? ` (${percent(Number(r[g] ?? 0), 1)})` : ''}`,
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
                shape={barMark(g, byLo)}
                onClick={(d) => nav.set({ [param]: scoreParam((d.payload as Row).lo) })}
              />
            ))}
          </BarChart>
          {split && <SeriesLegend keys={groups} />}
        </div>
      )}
    </ChartFrame>
  );
}
