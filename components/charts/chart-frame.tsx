'use client';
import { useRef, useState } from 'react';
import { useHydrated } from '@/components/common/use-hydrated';
import type { ChartName } from '@/lib/stats/types';
import { ViewLinks } from '@/lib/urls';
import { FIELDS } from '@/lib/filters/fields';
import { chartCaption, useCaptionParts, type Omitted } from './caption';
import { downloadPng, downloadSvg, type Extras, type LegendItem, type ScaleLegend } from './download';
import { onChartKey } from './keyboard-marks';

interface Props {
  id: string; // names the figure (data-testid) and the downloaded files
  title: string;
  csv: ChartName; // the chart whose numbers the CSV link downloads
  query: string; // the page's filters and chart options
  subtitle?: React.ReactNode;
  controls?: React.ReactNode;
  /** The sum the chart shows, for tests and readers comparing charts. */
  total?: number;
  /** Its bars filter on click: they can be chosen from the keyboard too. */
  pickable?: boolean;
  /** It is drawn without its own filter, which the page sets (stats' `omitted`). */
  omitted?: Omitted;
  className?: string;
  children: React.ReactNode;
}

export const csvHref = (chart: ChartName, query: string): string => new ViewLinks(query, '/charts').csv(chart);

const button = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100';

/** A titled chart with PNG, SVG and CSV downloads. */
export function ChartFrame({
  id,
  title,
  csv,
  query,
  subtitle,
  controls,
  total,
  pickable = false,
  omitted,
  className = '',
  children,
}: Props) {
  const parts = useCaptionParts();
  const [inHand, setInHand] = useState('');
  const body = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useHydrated();
  const svg = () => body.current?.querySelector<SVGSVGElement>('svg.recharts-surface, svg[data-chart]') ?? null;
  const image = (kind: 'png' | 'svg') => {
    const s = svg();
    if (!s) return setError('Nothing to download yet.');
    setError(null);
    const legend: LegendItem[] = [...(body.current?.querySelectorAll<HTMLElement>('[data-legend] [data-label]') ?? [])].map((li) => ({
      label: li.dataset.label ?? '',
      colour: li.dataset.colour ?? '#000',
    }));
    const el = body.current?.querySelector<HTMLElement>('[data-scale-legend]');
    const scale: ScaleLegend | undefined = el
      ? { label: el.dataset.label ?? '', lo: el.dataset.lo ?? '', hi: el.dataset.hi ?? '', stops: (el.dataset.stops ?? '').split(',') }
      : undefined;
    const extras: Extras = { legend, scale, caption: parts ? chartCaption(parts, query, omitted) : [] };
    if (kind === 'svg') downloadSvg(s, title, id, extras);
    else downloadPng(s, title, id, extras).catch((e: Error) => setError(e.message));
  };
  return (
    <figure
      data-testid={`chart-${id}`}
      data-total={total}
      data-omitted={omitted?.field}
      data-live={live || undefined}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-3 ${className}`}
    >
      <figcaption className="mb-2 flex items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
          {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
          {omitted && (
            <p className="text-xs text-slate-500" data-testid={`omitted-${id}`} data-omitted={omitted.field}>
              Drawn without the {FIELDS[omitted.field].title.toLowerCase()} filter, so other values stay in view; the chosen ones stand out.
            </p>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-1" aria-label={`Download ${title}`}>
          <button type="button" className={button} onClick={() => image('png')}>
            PNG
          </button>
          <button type="button" className={button} onClick={() => image('svg')}>
            SVG
          </button>
          <a className={button} href={csvHref(csv, query)} download={`${id}.csv`} data-testid={`csv-${id}`}>
            CSV
          </a>
        </div>
      </figcaption>
      {controls && <div className="mb-2 flex flex-wrap items-center gap-3 text-xs text-slate-600">{controls}</div>}
      {pickable ? (
        <div
          ref={body}
          tabIndex={0}
          role="group"
          className="chart-keys rounded"
          data-testid={`keys-${id}`}
          aria-label={`${title}: arrow keys choose a bar, Enter filters by it`}
          onKeyDown={(e) => {
            const l = onChartKey(e);
            if (l !== undefined) setInHand(l);
          }}
          onBlur={() => setInHand('')}
        >
          {children}
          <p className="sr-only" aria-live="polite">
            {inHand}
          </p>
        </div>
      ) : (
        <div ref={body}>{children}</div>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </figure>
  );
}
