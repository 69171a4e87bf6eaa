'use client';
import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { DETOXIFY, type DetoxifyKey } from '@/lib/dataset/moderation';
import { mergeSeries } from '@/lib/stats/merge-series';
import type { ModerationStats } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { compact, count, percent } from './format';
import { logAxis, orNull } from './log-axis';
import { lineMark } from './marks';
import { seriesColour } from './palette';
import { SeriesLegend } from './series-legend';
import { SplitLinks } from './split-links';
import { Tip } from './tip';

type Row = { bin: string; lo: number; hi: number } & Record<string, number | string | null>;

const byLo = (r: Record<string, unknown>) => Number(r.lo);

/** Detoxify score distributions: every score together, or one score by group when split. */
export function DetoxifyChart({ moderation, query }: { moderation: ModerationStats; query: string }) {
  const [key, setKey] = useState<DetoxifyKey>('toxicity');
  const split = moderation.split !== null;
  const series = split ? moderation.groups : [...DETOXIFY];
  const rows = useMemo(() => {
    const hists = moderation.detoxify.filter((h) => (split ? h.key === key : true));
    const his = new Map(hists.flatMap((h) => h.bins.map((b) => [b.lo, b.hi] as const)));
    const nameOf = (h: (typeof hists)[number]) => (split ? h.group : h.key);
    return mergeSeries(hists.map((h) => ({ name: nameOf(h), points: h.bins.map((b) => ({ key: b.lo, count: b.count })) }))).map(
      ({ key, counts }) => {
        const row: Row = { bin: key.toFixed(2), lo: key, hi: his.get(key) ?? key };
        for (const h of hists) {
          const name = nameOf(h);
          const n = counts[name] ?? 0;
          row[`${name}:n`] = n;
          row[name] = orNull(split ? (h.scored ? n / h.scored : 0) : n);
        }
        return row;
      },
    );
  }, [moderation, key, split]);
  const axis = logAxis(rows.flatMap((r) => series.map((s) => Number(r[s] ?? 0))));
  const anyMessages = moderation.categories.some((c) => c.scored > 0);
  const scored = moderation.detoxify.reduce((a, h) => a + (split && h.key !== key ? 0 : h.scored), 0);
  return (
    <ChartFrame
      id="detoxify"
      csv="moderation"
      query={query}
      total={scored}
      title={split ? `Detoxify ${key} scores by ${moderation.split}` : 'Detoxify scores'}
      subtitle={`Messages by Detoxify score (bins of 0.05; ${split ? 'share of each group' : 'message count'} on a log scale).`}
      controls={
        <>
          {split && (
            <label className="flex items-center gap-1">
              score
              <select
                value={key}
                onChange={(e) => setKey(e.target.value as DetoxifyKey)}
                className="rounded border border-slate-300 bg-white px-1 py-0.5"
              >
                {DETOXIFY.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          )}
          <SplitLinks query={query} />
        </>
      }
    >
      {!anyMessages ? (
        <EmptyState>No scored messages in this selection.</EmptyState>
      ) : moderation.detoxify.length === 0 ? (
        <EmptyState>This dataset has no Detoxify scores.</EmptyState>
      ) : scored === 0 ? (
        <EmptyState>No Detoxify scores in this selection.</EmptyState>
      ) : (
        <div>
          <LineChart responsive data={rows} style={{ width: '100%', height: 260 }} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="bin"
              fontSize={11}
              minTickGap={16}
              label={{ value: 'score', position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
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
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
                if (!r) return null;
                return (
                  <Tip
                    title={`score ${r.lo.toFixed(2)} – ${r.hi.toFixed(2)}`}
                    lines={series.map(
                      (s) => `${s}: ${count(Number(r[`${s}:n`] ?? 0))}${split ? ` (${percent(Number(r[s] ?? 0), 1)})` : ''}`,
                    )}
                  />
                );
              }}
            />
            {series.map((s, i) => (
              <Line
                key={s}
                dataKey={s}
                stroke={seriesColour(s, i)}
                strokeWidth={1.8}
                dot={lineMark(s, byLo)}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
          <SeriesLegend keys={series} />
        </div>
      )}
    </ChartFrame>
  );
}
