'use client';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { mergeSeries } from '@/lib/stats/merge-series';
import type { ShapeStats } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { compact, count, percent } from './format';
import { barMark } from './marks';
import { PRIMARY, seriesColour } from './palette';
import { SeriesLegend } from './series-legend';
import { Tip } from './tip';
import { useFilterNav } from './use-filter-nav';
import { FIELDS } from '@/lib/filters/fields';

const byLo = (r: Record<string, unknown>) => Number(r.lo);

type TurnRow = { label: string; lo: number; hi: number; count: number };

const turnLabel = (lo: number, hi: number, last: boolean) => (last ? `${lo}+` : hi - lo === 1 ? String(lo) : `${lo}–${hi - 1}`);

/** Turns per conversation; a bar filters by its turn range. */
export function TurnsChart({ shape, query }: { shape: ShapeStats; query: string }) {
  const nav = useFilterNav(query);
  const rows: TurnRow[] = shape.turns.map((b, i) => ({
    label: turnLabel(b.lo, b.hi, i === shape.turns.length - 1),
    lo: b.lo,
    hi: b.hi,
    count: b.count,
  }));
  const all = rows.reduce((a, r) => a + r.count, 0);
  return (
    <ChartFrame
      id="turns"
      csv="shape"
      query={query}
      total={all}
      pickable
      title="Turns per conversation"
      subtitle="Click a bar to filter by its number of turns."
    >
      {all === 0 ? (
        <EmptyState />
      ) : (
        <BarChart
          responsive
          data={rows}
          style={{ width: '100%', height: 240 }}
          margin={{ top: 8, right: 16, bottom: 16, left: 8 }}
          className={nav.pending ? 'opacity-60' : ''}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="label"
            fontSize={11}
            interval={0}
            label={{ value: 'turns', position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
          />
          <YAxis tickFormatter={compact} fontSize={11} width={48} />
          <Tooltip
            cursor={{ fill: '#f1f5f9' }}
            content={({ active, payload }) => {
              const r = active && payload?.[0] ? (payload[0].payload as TurnRow) : null;
              return r ? (
                <Tip
                  title={`${r.label} turn${r.label === '1' ? '' : 's'}`}
                  lines={[`${count(r.count)} conversations (${percent(r.count, all)})`]}
                />
              ) : null;
            }}
          />
          <Bar
            dataKey="count"
            fill={PRIMARY}
            isAnimationActive={false}
            style={{ cursor: 'pointer' }}
            shape={barMark('count', byLo)}
            onClick={(d) => {
              const r = d.payload as TurnRow;
              const last = r.label.endsWith('+');
              nav.range(FIELDS.turns, r.lo, last ? null : r.hi - 1);
            }}
          />
        </BarChart>
      )}
    </ChartFrame>
  );
}

/**
 * Lower edges of every length bin from the shortest to the longest message of either role: each
 * role's bins are contiguous, but the two roles' ranges may leave a gap, drawn as empty bins.
 */
function lengthEdges(shape: ShapeStats): number[] {
  const los = shape.lengths.flatMap((l) => l.bins.map((b) => b.lo));
  if (!los.length) return [];
  const max = Math.max(...los);
  const edges = los.includes(0) ? [0] : [];
  for (let e = Math.max(1, Math.min(...los.filter((lo) => lo > 0), max)); e <= max && max > 0; e *= 2) edges.push(e);
  return edges;
}

type LengthRow = { label: string; lo: number; hi: number } & Record<string, number | string>;

/** Message length in characters, user and assistant side by side, over doubling bins. */
export function LengthChart({ shape, query }: { shape: ShapeStats; query: string }) {
  const roles = shape.lengths.map((l) => l.role);
  const rows = useMemo(() => {
    const series = shape.lengths.map((l) => ({ name: l.role, points: l.bins.map((b) => ({ key: b.lo, count: b.count })) }));
    return mergeSeries(series, lengthEdges(shape)).map(({ key, counts }): LengthRow => ({
      ...counts,
      label: compact(key),
      lo: key,
      hi: key === 0 ? 1 : 2 * key,
    }));
  }, [shape]);
  const totals = Object.fromEntries(shape.lengths.map((l) => [l.role, l.bins.reduce((a, b) => a + b.count, 0)]));
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  return (
    <ChartFrame
      id="lengths"
      csv="shape"
      query={query}
      total={all}
      title="Message length"
      subtitle="Messages by length in characters (bins double in width)."
    >
      {all === 0 ? (
        <EmptyState />
      ) : (
        <div>
          <BarChart responsive data={rows} style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="label"
              fontSize={11}
              minTickGap={8}
              label={{ value: 'characters (lower edge)', position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
            />
            <YAxis tickFormatter={compact} fontSize={11} width={48} />
            <Tooltip
              cursor={{ fill: '#f1f5f9' }}
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as LengthRow) : null;
                return r ? (
                  <Tip
                    title={`${count(r.lo)}–${count(r.hi - 1)} characters`}
                    lines={roles.map((role) => `${role}: ${count(Number(r[role]))} messages (${percent(Number(r[role]), totals[role]!)})`)}
                  />
                ) : null;
              }}
            />
            {roles.map((role, i) => (
              <Bar key={role} dataKey={role} fill={seriesColour(role, i)} isAnimationActive={false} shape={barMark(role, byLo)} />
            ))}
          </BarChart>
          <SeriesLegend keys={roles} />
        </div>
      )}
    </ChartFrame>
  );
}
