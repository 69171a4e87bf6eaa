'use client';
import { useMemo } from 'react';
import { Bar, BarChart, Brush, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSeries } from '@/lib/stats/types';
import { bucketEnd, bucketLabel } from './time-buckets';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { compact, count, percent } from './format';
import { barMark } from './marks';
import { OptionLinks } from './option-links';
import { PRIMARY, seriesColour } from './palette';
import { SeriesLegend } from './series-legend';
import { Tip } from './tip';
import { useFilterNav } from './use-filter-nav';

type Row = { bucket: string; label: string; count: number } & Record<string, number | string>;

const byBucket = (r: Record<string, unknown>) => String(r.bucket);

/** Conversations per day, week or month, optionally stacked; the brush sets the date filter. */
export function TimeChart({ time, total, query }: { time: TimeSeries; total: number; query: string }) {
  const nav = useFilterNav(query);
  const rows = useMemo(
    () => time.rows.map((r) => ({ ...r.by, bucket: r.bucket, label: bucketLabel(r.bucket, time.interval), count: r.count }) as Row),
    [time],
  );
  const all = rows.reduce((a, r) => a + r.count, 0);
  const unit = time.interval;
  const pickRange = ({ startIndex, endIndex }: { startIndex?: number; endIndex?: number }) => {
    if (startIndex === undefined || endIndex === undefined || !rows[startIndex] || !rows[endIndex]) return;
    if (startIndex === 0 && endIndex === rows.length - 1) return;
    nav.dates(rows[startIndex].bucket, bucketEnd(rows[endIndex].bucket, unit));
  };
  const dated = nav.links.value('from') || nav.links.value('to');
  return (
    <ChartFrame
      id="time"
      csv="time"
      query={query}
      total={all}
      className="col-span-full"
      title={`Conversations per ${unit}`}
      subtitle="By the time of the conversation's last turn (UTC). Drag the handles under the chart to filter by dates."
      controls={
        <>
          <OptionLinks
            label="per"
            param="interval"
            query={query}
            current={nav.links.value('interval')}
            values={[
              [null, 'auto'],
              ['day', 'day'],
              ['week', 'week'],
              ['month', 'month'],
            ]}
          />
          <OptionLinks
            label="stacked by"
            param="stack"
            query={query}
            current={nav.links.value('stack')}
            values={[
              [null, 'nothing'],
              ['model', 'model'],
              ['language', 'language'],
              ['dataset', 'dataset'],
            ]}
          />
          {dated && (
            <button type="button" className="text-indigo-700 underline" onClick={() => nav.dates(null, null)}>
              clear dates
            </button>
          )}
        </>
      }
    >
      {all === 0 ? (
        <EmptyState height={260}>{total > 0 ? 'No dates recorded for these conversations.' : undefined}</EmptyState>
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''} data-testid="time-series" data-interval={unit} data-buckets={rows.length}>
          <BarChart
            responsive
            data={rows}
            style={{ width: '100%', height: 300 }}
            margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
            barCategoryGap={rows.length > 60 ? 0 : '10%'}
          >
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" fontSize={11} minTickGap={24} />
            <YAxis
              tickFormatter={compact}
              fontSize={11}
              width={48}
              label={{
                value: `conversations per ${unit}`,
                angle: -90,
                position: 'insideLeft',
                offset: 4,
                fontSize: 11,
                fill: '#475569',
                dy: 60,
              }}
            />
            <Tooltip
              cursor={{ fill: '#f1f5f9' }}
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
                if (!r) return null;
                const head = unit === 'day' ? r.bucket : `${r.bucket} – ${bucketEnd(r.bucket, unit)}`;
                const lines = [
                  `${count(r.count)} conversations (${percent(r.count, all)} of all)`,
                  ...time.keys
                    .filter((k) => Number(r[k] ?? 0) > 0)
                    .map((k) => `${k}: ${count(Number(r[k]))} (${percent(Number(r[k]), r.count)})`),
                ];
                return <Tip title={head} lines={lines} />;
              }}
            />
            {time.stack ? (
              time.keys.map((k, i) => (
                <Bar key={k} dataKey={k} stackId="t" fill={seriesColour(k, i)} isAnimationActive={false} shape={barMark(k, byBucket)} />
              ))
            ) : (
              <Bar dataKey="count" fill={PRIMARY} isAnimationActive={false} shape={barMark('count', byBucket)} />
            )}
            {rows.length > 1 && <Brush dataKey="label" height={28} stroke="#475569" travellerWidth={10} onDragEnd={pickRange} />}
          </BarChart>
          {time.stack && <SeriesLegend keys={time.keys} />}
        </div>
      )}
    </ChartFrame>
  );
}
