'use client';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { Ranked } from '@/lib/stats/types';
import { compact, count, percent } from './format';
import { HIGHLIGHT, OTHER, PRIMARY } from './palette';
import { barMark } from './marks';
import { Tip } from './tip';

interface Props {
  values: Ranked[];
  total: number; // the denominator of the shares
  selected: ReadonlySet<string>;
  /** The values the view keeps, when the chart is drawn without its filter: the others are drawn lighter. */
  chosen?: (value: string | null) => boolean;
  onPick: (value: string) => void;
  limit?: number;
  noun?: string; // what a bar counts, for the axis
  labelOf?: (v: Ranked) => string;
}

interface Row {
  label: string;
  value: string | null;
  count: number;
  flagged: number;
}

/**
 * Horizontal bars, largest first, each with its share; a click toggles the value as a filter. Chosen
 * values are drawn in the highlight colour, and with `chosen` the values not kept lighter.
 */
export function RankedBars({ values, total, selected, chosen, onPick, limit = 15, noun = 'conversations', labelOf }: Props) {
  const rows: Row[] = values
    .slice(0, limit)
    .map((v) => ({ label: labelOf?.(v) ?? v.value ?? 'unknown', value: v.value, count: v.count, flagged: v.flagged }));
  const longest = Math.max(...rows.map((r) => r.label.length), 4);
  return (
    <BarChart
      responsive
      layout="vertical"
      data={rows}
      style={{ width: '100%', height: rows.length * 24 + 40 }}
      margin={{ top: 4, right: 48, bottom: 16, left: 4 }}
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis
        type="number"
        tickFormatter={compact}
        fontSize={11}
        label={{ value: noun, position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
      />
      <YAxis type="category" dataKey="label" width={Math.min(230, longest * 6.5 + 10)} fontSize={11} interval={0} />
      <Tooltip
        cursor={{ fill: '#f1f5f9' }}
        content={({ active, payload }) => {
          const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
          return r ? (
            <Tip
              title={r.label}
              lines={[
                `${count(r.count)} ${noun} · ${percent(r.count, total)} of all`,
                `${count(r.flagged)} flagged by moderation (${percent(r.flagged, r.count)})`,
              ]}
            />
          ) : null;
        }}
      />
      <Bar
        dataKey="count"
        isAnimationActive={false}
        onClick={(d) => {
          const r = d.payload as Row;
          if (r.value !== null) onPick(r.value);
        }}
        style={{ cursor: 'pointer' }}
        shape={barMark('count', (r) => (r as unknown as Row).value ?? 'unknown', chosen && ((r) => !chosen((r as unknown as Row).value)))}
      >
        {rows.map((r) => (
          <Cell
            key={r.label}
            fill={r.value === null ? OTHER : selected.has(r.value) ? HIGHLIGHT : PRIMARY}
            data-value={r.value ?? undefined}
          />
        ))}
        <LabelList dataKey="count" position="right" fontSize={11} fill="#334155" formatter={(v) => percent(Number(v), total)} />
      </Bar>
    </BarChart>
  );
}
