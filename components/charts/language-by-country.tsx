'use client';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { mergeSeries } from '@/lib/stats/merge-series';
import type { Stats } from '@/lib/stats/types';
import { ChartFrame } from './chart-frame';
import { EmptyState } from './empty-state';
import { compact, count, percent } from './format';
import { barMark } from './marks';
import { SeriesLegend } from './series-legend';
import { seriesColour } from './palette';
import { Tip } from './tip';
import { chosenBy, useFilterNav } from './use-filter-nav';
import type { Omitted } from './caption';
import { FIELDS } from '@/lib/filters/fields';

type Row = { country: string; total: number } & Record<string, number | string>;

const byCountry = (r: Record<string, unknown>) => String(r.country);

/**
 * Each top country's conversations split by the top languages, each its own colour; a click filters
 * by the country (drawn without the country filter, the chosen countries stand out).
 */
export function LanguageByCountry({
  data,
  total,
  query,
  omitted,
}: {
  data: Stats['language_by_country'];
  total: number;
  query: string;
  omitted?: Omitted; // drawn without the country filter
}) {
  const nav = useFilterNav(query);
  const chosen = useMemo(() => (omitted ? chosenBy(nav.links, FIELDS.country.key) : undefined), [omitted, nav.links]);
  const colours = useMemo(() => new Map(data.languages.map((l, i) => [l, seriesColour(l, i)])), [data.languages]);
  const rows = useMemo(() => {
    const series = data.languages.map((l) => ({
      name: l,
      points: data.cells.filter((c) => c.language === l).map((c) => ({ key: c.country, count: c.count })),
    }));
    return mergeSeries(series, data.countries).map(({ key, counts }): Row => ({
      ...counts,
      country: key,
      total: Object.values(counts).reduce((a, n) => a + n, 0),
    }));
  }, [data]);
  const all = rows.reduce((a, r) => a + r.total, 0);
  return (
    <ChartFrame
      id="language_by_country"
      csv="language_by_country"
      query={query}
      total={all}
      pickable
      omitted={omitted}
      title="Languages in the top countries"
      subtitle="Conversations by country, split by language. Click a country to filter by it."
    >
      {all === 0 ? (
        <EmptyState>{(omitted?.total ?? total) > 0 ? 'No countries recorded for these conversations.' : undefined}</EmptyState>
      ) : (
        <div className={nav.pending ? 'opacity-60' : ''}>
          <BarChart
            responsive
            layout="vertical"
            data={rows}
            style={{ width: '100%', height: rows.length * 26 + 40 }}
            margin={{ top: 4, right: 16, bottom: 16, left: 4 }}
          >
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis
              type="number"
              tickFormatter={compact}
              fontSize={11}
              label={{ value: 'conversations', position: 'insideBottom', offset: -10, fontSize: 11, fill: '#475569' }}
            />
            <YAxis type="category" dataKey="country" width={110} fontSize={11} interval={0} />
            <Tooltip
              cursor={{ fill: '#f1f5f9' }}
              content={({ active, payload }) => {
                const r = active && payload?.[0] ? (payload[0].payload as Row) : null;
                if (!r) return null;
                const lines = data.languages
                  .filter((l) => Number(r[l] ?? 0) > 0)
                  .map((l) => `${l}: ${count(Number(r[l]))} (${percent(Number(r[l]), r.total)})`);
                return <Tip title={`${r.country}: ${count(r.total)}`} lines={lines} />;
              }}
            />
            {data.languages.map((l) => (
              <Bar
                key={l}
                dataKey={l}
                stackId="lang"
                fill={colours.get(l)}
                isAnimationActive={false}
                style={{ cursor: 'pointer' }}
                shape={barMark(l, byCountry, chosen && ((r) => !chosen(byCountry(r))))}
                onClick={(d) => nav.toggle(FIELDS.country.key, (d.payload as Row).country)}
              />
            ))}
          </BarChart>
          <SeriesLegend keys={data.languages} />
        </div>
      )}
    </ChartFrame>
  );
}
