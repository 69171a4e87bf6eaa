'use client';
import { useMemo, useState } from 'react';
import type { Placed } from '@/lib/geo/place';
import type { ShapeSet } from '@/lib/geo/shapes';
import { count, percent } from './format';
import { HIGHLIGHT, NO_DATA, UNCHOSEN_OPACITY, viridis } from './palette';

export type MapMode = 'count' | 'rate';

interface Props {
  shapes: ShapeSet;
  byShape: Map<string, Placed>;
  total: number; // conversations selected, for shares
  mode: MapMode;
  selected: ReadonlySet<string>; // filter values currently selected
  chosen?: (name: string) => boolean; // drawn without its filter: the places the view keeps (the others lighter)
  onPick: (name: string) => void;
  label: string; // "country" or "state"
}

interface Hover {
  shape: string;
  x: number;
  y: number;
}

const STOPS = [0, 0.25, 0.5, 0.75, 1].map(viridis);

const rate = (p: Placed) => (p.count ? p.flagged / p.count : 0);

/** Shapes coloured by conversations (log scale) or by the share flagged; hover tells, click filters. */
export function Choropleth({ shapes, byShape, total, mode, selected, chosen, onPick, label }: Props) {
  const [hover, setHover] = useState<Hover | null>(null);
  const scale = useMemo(() => {
    const values = [...byShape.values()];
    if (mode === 'rate') {
      const max = Math.max(0, ...values.map(rate));
      return { colour: (p: Placed) => viridis(max ? rate(p) / max : 0), lo: '0%', hi: percent(max, 1) };
    }
    const max = Math.max(1, ...values.map((p) => p.count));
    const top = Math.log10(max + 1);
    return { colour: (p: Placed) => viridis(Math.log10(p.count + 1) / top), lo: '1', hi: count(max) };
  }, [byShape, mode]);

  const shown = hover ? byShape.get(hover.shape) : undefined;
  const legendLabel = mode === 'rate' ? 'share flagged by moderation' : 'conversations (log scale)';
  const move = (shape: string) => (e: React.MouseEvent<SVGElement>) => {
    const box = (e.currentTarget.ownerSVGElement ?? (e.currentTarget as SVGSVGElement)).getBoundingClientRect();
    setHover({ shape, x: e.clientX - box.left, y: e.clientY - box.top });
  };
  const describe = (p: Placed) => `${p.names.join(' / ')}: ${count(p.count)} conversations (${percent(p.count, total)})`;

  return (
    <div className="relative" onMouseLeave={() => setHover(null)}>
      <svg
        data-chart="map"
        viewBox={`0 0 ${shapes.width} ${shapes.height}`}
        className="h-auto w-full"
        role="group"
        aria-label={`Conversations by ${label}: Tab to a place, Enter filters by it`}
      >
        {shapes.shapes.map((s) => {
          const p = byShape.get(s.name);
          const isSelected = !!p && p.names.some((n) => selected.has(n));
          const fill = p ? scale.colour(p) : NO_DATA;
          const kept = !p || !chosen ? undefined : p.names.some(chosen);
          const common = p
            ? {
                onMouseMove: move(s.name),
                onClick: () => onPick(p.names[0]!),
                style: { cursor: 'pointer' },
              }
            : { onMouseMove: () => setHover(null) };
          return (
            <g key={s.name}>
              <path
                d={s.d}
                fill={fill}
                stroke={isSelected ? HIGHLIGHT : '#ffffff'}
                strokeWidth={isSelected ? 1.6 : 0.4}
                data-shape={s.name}
                data-place={p ? p.names.join('|') : undefined}
                data-count={p?.count}
                data-chosen={kept === undefined ? undefined : String(kept)}
                fillOpacity={kept === false ? UNCHOSEN_OPACITY : undefined}
                tabIndex={p ? 0 : undefined}
                role={p ? 'button' : undefined}
                aria-label={p ? describe(p) : undefined}
                aria-pressed={p ? isSelected : undefined}
                onKeyDown={p ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick(p.names[0]!)) : undefined}
                {...common}
              />
              {s.dot && p && (
                <circle
                  cx={s.dot[0]}
                  cy={s.dot[1]}
                  r={3.2}
                  fill={fill}
                  stroke={isSelected ? HIGHLIGHT : '#334155'}
                  strokeWidth={0.8}
                  {...common}
                />
              )}
            </g>
          );
        })}
      </svg>
      {hover && shown && (
        <div
          className="pointer-events-none absolute z-10 rounded border border-slate-300 bg-white px-2 py-1 text-xs shadow"
          style={{ left: hover.x + 12, top: hover.y + 12 }}
          data-testid="map-tooltip"
        >
          <p className="font-semibold">{shown.names.join(' / ')}</p>
          <p>
            {count(shown.count)} conversations · {percent(shown.count, total)} of all
          </p>
          <p>
            {count(shown.flagged)} flagged by moderation · {percent(shown.flagged, shown.count)} of this {label}&apos;s
          </p>
        </div>
      )}
      <div
        className="mt-1 flex items-center gap-2 text-xs text-slate-600"
        aria-hidden="true"
        data-scale-legend
        data-label={legendLabel}
        data-lo={scale.lo}
        data-hi={scale.hi}
        data-stops={STOPS.join(',')}
      >
        <span>{legendLabel}</span>
        <span>{scale.lo}</span>
        <span className="h-2 w-40 rounded" style={{ background: `linear-gradient(to right, ${STOPS.join(',')})` }} />
        <span>{scale.hi}</span>
        <span className="ml-2 inline-block h-2 w-3 rounded" style={{ background: NO_DATA }} /> <span>none</span>
      </div>
    </div>
  );
}
