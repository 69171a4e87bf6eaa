'use client';
// The map itself: the points (WebGL, components/map/scatter.ts, loaded only here), coloured by
// topic or a field, the filter's matches lit and the rest dimmed, topic labels, a tooltip on hover,
// a click that opens the conversation, and a lasso or box selection listed below. The topic table
// under it (server-rendered) carries the same content for readers who cannot use the canvas.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { colourOf, pointPalette, type PointColour } from '@/lib/map-view/colors';
import { handoff } from '@/lib/map-view/handoff';
import { placeLabels, type PlacedLabel } from '@/lib/map-view/labels';
import type { MapColor } from '@/lib/map-view/params';
import type { LinearScale } from '@/lib/map-view/scale';
import { decodePoints, hasBit, NO_VALUE, type Bounds, type PointColumns } from '@/lib/map-view/wire';
import { ViewLinks } from '@/lib/urls';
import type { Scatter } from './scatter';
import type { MapPointInfo } from '@/lib/queries/map';

export interface ViewTopic {
  id: string;
  parent: string | null;
  level: number;
  num: number | null;
  label: string;
  count: number;
  x: number;
  y: number;
}
export interface ViewLegendEntry {
  code: number;
  label: string;
  value: string | null;
  count: number;
}
/** What a hovered or selected point is (a type only: the server module is not bundled). */
type PointInfo = MapPointInfo;

export interface MapViewProps {
  points: number;
  bounds: Bounds;
  topics: ViewTopic[];
  color: MapColor;
  /** The colour's legend (none for topics: their legend is the broad topics). */
  legend?: ViewLegendEntry[];
  /** The filters alone, as /api/map/matches takes them; empty when nothing is filtered. */
  filters: string;
  /** The legend (components/map/legend.tsx), server-rendered, shown under the map. */
  children?: ReactNode;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const SELECTION_LISTED = 50;

async function lookup(ords: number[]): Promise<PointInfo[]> {
  if (!ords.length) return [];
  const r = await fetch(`/api/map/lookup?${ords.map((o) => `ord=${o}`).join('&')}`);
  if (!r.ok) throw new Error(`lookup: ${r.status}`);
  return ((await r.json()) as { rows: PointInfo[] }).rows;
}

/** Answers asked for ahead of their use (the first colours and matches, fetched with the points), taken once. */
const early = new Map<string, Promise<{ data: Uint8Array; res: Response }>>();
function prefetch(url: string): void {
  if (!early.has(url)) early.set(url, fetchBytes(url));
}

async function bytes(url: string): Promise<{ data: Uint8Array; res: Response }> {
  const ahead = early.get(url);
  early.delete(url);
  return ahead ?? fetchBytes(url);
}

async function fetchBytes(url: string): Promise<{ data: Uint8Array; res: Response }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return { data: new Uint8Array(await res.arrayBuffer()), res };
}

// The WebGL module, required in the browser alone (it touches the DOM when it loads): a require the
// bundler resolves puts its chunks among the page's first scripts, fetched beside the framework's,
// where an import() fetched them only once this module ran, during hydration.
const scatterModule: typeof import('./scatter') | undefined =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typeof window === 'undefined' ? undefined : require('./scatter');
// The points too (preloaded with the page): their body is read while the page hydrates.
if (typeof window !== 'undefined') prefetch('/api/map/points');

const isDark = () => document.documentElement.dataset.theme === 'dark';
/** The theme toggle (components/common/theme.tsx) sets data-theme on the root element. */
function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

interface Hover {
  ord: number;
  row?: PointInfo;
  /** Where the point is, and the view's size, in CSS pixels. */
  at: [number, number];
  view: [number, number];
}
interface Selected {
  ords: number[];
  rows: PointInfo[];
  hashes?: (string | null)[];
  byTopic: Map<string, number>;
}

export function MapView({ points, bounds, topics, color, legend, filters, children }: MapViewProps) {
  const router = useRouter();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const scatter = useRef<Scatter | null>(null);
  const cols = useRef<PointColumns | null>(null);
  const info = useRef(new Map<number, PointInfo>());
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [problem, setProblem] = useState('');
  const [lit, setLit] = useState<Uint8Array | null>(null);
  const [litCount, setLitCount] = useState<number | null>(null);
  const [domains, setDomains] = useState<[number, number, number, number] | null>(null);
  const [labels, setLabels] = useState<PlacedLabel[]>([]);
  const [hover, setHover] = useState<Hover | null>(null);
  const [lassoOn, setLassoOn] = useState(false);
  const dark = useSyncExternalStore(subscribeTheme, isDark, () => false);
  const [selection, setSelection] = useState<Selected | null>(null);
  const down = useRef<[number, number] | null>(null);

  const conversationLinks = useMemo(() => new ViewLinks(filters), [filters]);
  const broad = useMemo(() => topics.filter((t) => t.level === 1), [topics]);
  const byNum = useMemo(() => new Map(topics.filter((t) => t.num !== null).map((t) => [t.num!, t])), [topics]);
  const broadIndex = useMemo(() => new Map(broad.map((t, i) => [t.id, i])), [broad]);
  const initialSpan = useMemo(() => Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1]) * 1.04 || 1, [bounds]);

  // Each point's colour category: its code in the legend, or its broad topic's; dimmed when a filter leaves it out.
  const categories = useCallback(
    async (c: PointColumns): Promise<{ category: Uint16Array; palette: PointColour[] }> => {
      const n = c.topic.length;
      let codes: Uint16Array;
      let litPalette: string[];
      if (color === 'topic' || !legend) {
        // A table from topic num to colour code, then one lookup a point (two Map lookups a point cost ~0.2 s at 800k).
        let most = 0;
        for (const num of byNum.keys()) most = Math.max(most, num);
        const codeOf = new Uint16Array(most + 1);
        for (const [num, t] of byNum) codeOf[num] = t.parent ? (broadIndex.get(t.parent) ?? 0) % 20 : 0;
        codes = new Uint16Array(n);
        for (let i = 0; i < n; i++) codes[i] = codeOf[c.topic[i]!] ?? 0;
        litPalette = Array.from({ length: 20 }, (_, i) => colourOf('topic', i));
      } else {
        const { data } = await bytes(`/api/map/values?field=${color}`);
        codes = new Uint16Array(data.length);
        for (let i = 0; i < data.length; i++) codes[i] = data[i] === NO_VALUE ? legend.length : data[i]!;
        litPalette = [...legend.map((e) => colourOf(color, e.code, e.value === null && color !== 'moderation')), colourOf(color, 0, true)];
      }
      let bits: Uint8Array | null = null;
      if (filters) {
        const m = await bytes(`/api/map/matches?${filters}`);
        bits = m.data;
        setLitCount(Number(m.res.headers.get('x-wildscope-matches')));
      } else setLitCount(n);
      setLit(bits);
      if (bits) for (let i = 0; i < n; i++) if (!hasBit(bits, i)) codes[i] = codes[i]! + litPalette.length;
      return { category: codes, palette: pointPalette(litPalette, isDark()) };
    },
    [color, legend, filters, byNum, broadIndex],
  );

  const onView = useCallback(
    (x: LinearScale, y: LinearScale) => {
      const [a, b] = x.domain();
      const [c, d] = y.domain();
      setDomains([a, b, c, d]);
      const [w, h] = [x.range()[1], y.range()[0]];
      setLabels(placeLabels(topics, { width: w, height: h, zoom: initialSpan / (b - a), project: (px, py) => [x(px), y(py)] }));
    },
    [topics, initialSpan],
  );

  // Draw once: the points, the scatter module and the first colours, fetched together.
  useEffect(() => {
    let gone = false;
    const el = canvas.current!;
    // The content box, as the ResizeObserver below reports it (the border is not drawn on).
    const box = { width: wrap.current!.clientWidth, height: wrap.current!.clientHeight };
    performance.mark('map:hydrated');
    (async () => {
      // The first colours and matches travel beside the points rather than after them.
      if (filters) prefetch(`/api/map/matches?${filters}`);
      if (color !== 'topic' && legend) prefetch(`/api/map/values?field=${color}`);
      const [{ createScatter }, { data }] = await Promise.all([scatterModule ?? import('./scatter'), bytes('/api/map/points')]);
      if (gone) return;
      const c = decodePoints(data, bounds);
      cols.current = c;
      performance.mark('map:points');
      const s = createScatter(el, bounds, { width: box.width, height: box.height }, c.x.length, {
        onView,
        onOver: (ord) => {
          const row = info.current.get(ord);
          const at = s.screenOf(ord);
          if (!at) return;
          const view: [number, number] = [wrap.current?.clientWidth ?? 0, wrap.current?.clientHeight ?? 0];
          setHover({ ord, row, at, view });
          if (!row)
            void lookup([ord]).then(([r]) => {
              if (!r) return;
              info.current.set(ord, r);
              setHover((h) => (h && h.ord === ord ? { ...h, row: r } : h));
            });
        },
        onOut: () => setHover(null),
        onSelect: (ords) => setSelection({ ords, rows: [], byTopic: new Map() }),
        onDeselect: () => setSelection(null),
      });
      scatter.current = s;
      performance.mark('map:scatter');
      const { category, palette } = await categories(c);
      if (gone) return;
      performance.mark('map:colours');
      await s.draw(c.x, c.y, category, palette);
      performance.mark('map:drawn');
      if (gone) return;
      setStatus('ready');
      // Drawn first; the index hover and selection search comes when the page is idle (or at the first pointer event).
      const later = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
      later(() => void s.index().then(() => performance.mark('map:indexed')));
    })().catch((e: unknown) => {
      if (gone) return;
      setProblem(e instanceof Error ? e.message : String(e));
      setStatus('failed');
    });
    const resize = new ResizeObserver(([entry]) => {
      if (entry && scatter.current) scatter.current.resize(entry.contentRect.width, entry.contentRect.height);
    });
    resize.observe(wrap.current!);
    return () => {
      gone = true;
      resize.disconnect();
      scatter.current?.destroy();
      scatter.current = null;
    };
    // Drawn once per mount; later colours and filters recolour (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new colour, filter or theme recolours the points drawn.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const c = cols.current;
    const s = scatter.current;
    if (!c || !s) return;
    let gone = false;
    void categories(c).then(({ category, palette }) => (gone ? undefined : s.recolour(category, palette)));
    setSelection(null);
    return () => {
      gone = true;
    };
  }, [categories, dark]);

  // A selection's rows: the first ones listed, and every content hash when few enough to hand over.
  const selectionKey = selection?.ords.join(',');
  useEffect(() => {
    if (!selection || selection.rows.length) return;
    const keep = lit ? selection.ords.filter((o) => hasBit(lit, o)) : selection.ords;
    const want = keep.length <= 100 ? keep : keep.slice(0, SELECTION_LISTED);
    let gone = false;
    void lookup(want).then((rows) => {
      if (gone) return;
      for (const r of rows) info.current.set(r.ord, r);
      const byTopic = new Map<string, number>();
      const topicOf = cols.current?.topic;
      for (const o of keep) {
        const t = topicOf && byNum.get(topicOf[o]!);
        if (t) byTopic.set(t.id, (byTopic.get(t.id) ?? 0) + 1);
      }
      setSelection({
        ords: keep,
        rows: rows.slice(0, SELECTION_LISTED),
        hashes: keep.length <= 100 ? rows.map((r) => r.conversation_hash) : undefined,
        byTopic,
      });
    });
    return () => {
      gone = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectionKey, lit]);

  const handed =
    selection && selection.rows.length ? handoff(conversationLinks, selection.ords.length, selection.hashes, selection.byTopic) : undefined;

  const open = (ord: number) => {
    const go = (r: PointInfo) => router.push(conversationLinks.conversation(r.id));
    const row = info.current.get(ord);
    if (row) go(row);
    else void lookup([ord]).then(([r]) => r && go(r));
  };

  const onKey = (e: React.KeyboardEvent) => {
    const s = scatter.current;
    if (!s || e.altKey || e.ctrlKey || e.metaKey) return;
    const act: Record<string, () => void> = {
      ArrowLeft: () => s.pan(-0.1, 0),
      ArrowRight: () => s.pan(0.1, 0),
      ArrowUp: () => s.pan(0, 0.1),
      ArrowDown: () => s.pan(0, -0.1),
      '+': () => s.zoom(1.5),
      '=': () => s.zoom(1.5),
      '-': () => s.zoom(1 / 1.5),
      '0': () => s.reset(),
      Escape: () => s.deselect(),
    };
    const f = act[e.key];
    if (f) {
      e.preventDefault();
      e.stopPropagation();
      f();
    }
  };

  const button = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-100';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Map view">
        <button type="button" className={button} onClick={() => scatter.current?.zoom(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={button} onClick={() => scatter.current?.zoom(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={button} onClick={() => scatter.current?.reset()}>
          Whole map
        </button>
        <button
          type="button"
          className={button}
          aria-pressed={lassoOn}
          data-testid="lasso-toggle"
          onClick={() => {
            setLassoOn(!lassoOn);
            scatter.current?.lasso(!lassoOn);
          }}
        >
          Select an area
        </button>
        <span className="text-xs text-slate-500">
          Drag to pan, scroll to zoom, Shift+drag to select; on the map: arrow keys, + and −, 0.
        </span>
      </div>
      <div
        ref={wrap}
        tabIndex={0}
        role="region"
        aria-label={`Topic map of ${fmt(points)} conversations. Arrow keys pan, plus and minus zoom, 0 shows the whole map; the topics are listed in the table below.`}
        aria-describedby="map-status"
        onKeyDown={onKey}
        onPointerDown={(e) => {
          down.current = [e.clientX, e.clientY];
        }}
        onClick={(e) => {
          const d = down.current;
          if (lassoOn || e.shiftKey || !hover || (d && Math.hypot(e.clientX - d[0], e.clientY - d[1]) > 4)) return;
          open(hover.ord);
        }}
        className="relative h-[70vh] min-h-80 w-full overflow-hidden rounded border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
        data-testid="map-canvas"
        data-state={status}
        data-points={points}
        data-lit={litCount ?? undefined}
        data-x-domain={domains ? `${domains[0]},${domains[1]}` : undefined}
        data-y-domain={domains ? `${domains[2]},${domains[3]}` : undefined}
        style={{ cursor: hover && !lassoOn ? 'pointer' : lassoOn ? 'crosshair' : 'grab' }}
      >
        <canvas ref={canvas} aria-hidden="true" className="absolute inset-0 h-full w-full" />
        <div aria-hidden="true" className="pointer-events-none absolute inset-0" data-testid="map-labels">
          {labels.map((l) => (
            <span
              key={l.id}
              data-topic={l.id}
              className={`absolute whitespace-nowrap rounded px-1 text-center leading-tight ${
                l.level === 1 ? 'text-[13px] font-semibold text-slate-900' : 'text-[11px] text-slate-700'
              }`}
              style={{
                left: l.left,
                top: l.top,
                width: l.width,
                textShadow: dark ? '0 0 3px #0f172a, 0 0 3px #0f172a' : '0 0 3px #fff, 0 0 3px #fff',
              }}
            >
              {l.label}
            </span>
          ))}
        </div>
        {hover && (
          <div
            role="tooltip"
            data-testid="map-tooltip"
            data-ord={hover.ord}
            data-id={hover.row?.id}
            className="pointer-events-none absolute z-10 max-w-sm rounded border border-slate-300 bg-white p-2 text-xs text-slate-800 shadow"
            style={{
              left: Math.max(0, Math.min(hover.at[0] + 12, hover.view[0] - 300)),
              top: hover.at[1] + 12 > hover.view[1] - 120 ? Math.max(0, hover.at[1] - 120) : hover.at[1] + 12,
            }}
          >
            {hover.row ? (
              <>
                <p className="font-semibold">
                  {hover.row.topic
                    ? hover.row.topic.parent
                      ? `${hover.row.topic.parent.label} › ${hover.row.topic.label}`
                      : hover.row.topic.label
                    : 'No topic'}
                </p>
                <p className="mt-1 line-clamp-4 break-words">{hover.row.preview ?? '(no user message)'}</p>
                <p className="mt-1 text-slate-500">{[hover.row.language, hover.row.model].filter(Boolean).join(' · ')} · click to open</p>
              </>
            ) : (
              <p>Loading…</p>
            )}
          </div>
        )}
        {status !== 'ready' && (
          <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-600">
            {status === 'loading'
              ? `Drawing ${fmt(points)} points…`
              : `The map could not be drawn (${problem}). The topics are listed below.`}
          </p>
        )}
      </div>
      <p id="map-status" className="sr-only" aria-live="polite">
        {status === 'ready' ? `Map drawn${litCount !== null ? `, ${fmt(litCount)} of ${fmt(points)} points lit` : ''}.` : ''}
      </p>
      {children}
      {selection && (
        <section aria-labelledby="selection-title" className="rounded border border-slate-200 bg-white p-3" data-testid="map-selection">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="selection-title" className="text-sm font-semibold">
              {fmt(selection.ords.length)} conversation{selection.ords.length === 1 ? '' : 's'} selected
            </h2>
            <button type="button" className={button} onClick={() => scatter.current?.deselect()}>
              Clear selection
            </button>
          </div>
          {handed && (
            <p className="mt-1 text-sm">
              <Link href={handed.href} className="text-indigo-700 underline" data-testid="selection-explore">
                {handed.by === 'hash'
                  ? `Open these ${fmt(selection.ords.length)} in explore`
                  : `Open the ${handed.topics} topic${handed.topics === 1 ? '' : 's'} holding ${fmt(handed.covered)} of them in explore`}
              </Link>{' '}
              <span className="text-slate-500">
                {handed.by === 'hash'
                  ? '(by their content hashes: conversations with exactly the same content come along)'
                  : '(too many to name one by one in a link; explore filters by topic)'}
              </span>
            </p>
          )}
          <ol className="mt-2 space-y-1 text-sm">
            {selection.rows.map((r) => (
              <li key={r.ord} className="truncate">
                <Link href={conversationLinks.conversation(r.id)} className="text-indigo-700 underline">
                  {r.preview ? r.preview.slice(0, 120) : r.id}
                </Link>{' '}
                <span className="text-slate-500">{r.topic?.label}</span>
              </li>
            ))}
          </ol>
          {selection.ords.length > selection.rows.length && selection.rows.length > 0 && (
            <p className="mt-1 text-xs text-slate-500">The first {fmt(selection.rows.length)} are listed.</p>
          )}
        </section>
      )}
    </div>
  );
}
