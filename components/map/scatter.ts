// The WebGL side of the map (regl-scatterplot), loaded by the map page alone: points drawn once,
// recoloured when the filter or the colour changes, and the view reported through two linear
// scales whose domains are the map coordinates in view.
import createScatterplot from 'regl-scatterplot';
import type { PointColour } from '@/lib/map-view/colors';
import type { Bounds } from '@/lib/map-view/wire';
import { linearScale, type LinearScale } from '@/lib/map-view/scale';
import { buildSpatialIndex, emptySpatialIndex } from '@/lib/map-view/spatial-index';

export interface ScatterEvents {
  onView: (x: LinearScale, y: LinearScale) => void;
  onOver: (ord: number) => void;
  onOut: () => void;
  /** Points chosen by the lasso (or box), by ordinal. */
  onSelect: (ords: number[]) => void;
  onDeselect: () => void;
}

export interface Scatter {
  /** Draws the points (map coordinates) with a category per point, indexing `palette`. */
  draw(x: Float32Array, y: Float32Array, category: Uint8Array | Uint16Array, palette: PointColour[]): Promise<void>;
  recolour(category: Uint8Array | Uint16Array, palette: PointColour[]): Promise<void>;
  /** Builds the spatial index that hover and selection search (drawn points find nothing until then). */
  index(): Promise<void>;
  /** Zooms by `factor` (> 1 in) about the view's centre, or pans by a share of the view. */
  zoom(factor: number): void;
  pan(dx: number, dy: number): void;
  reset(): void;
  lasso(on: boolean): void;
  deselect(): void;
  /** A point's position in CSS pixels of the canvas. */
  screenOf(ord: number): [number, number] | undefined;
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * The real index of the points, built in a worker (components/map/index-worker.ts) so the page
 * answers input while it is built; on the main thread if the browser cannot start the worker.
 */
function spatialIndexOf(x: Float32Array, y: Float32Array): Promise<ArrayBuffer> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./index-worker.ts', import.meta.url));
  } catch {
    return Promise.resolve(buildSpatialIndex(x, y));
  }
  return new Promise<ArrayBuffer>((resolve) => {
    worker.onmessage = (e: MessageEvent<ArrayBuffer>) => resolve(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      resolve(buildSpatialIndex(x, y));
    };
    // Copies: the page keeps its own columns.
    worker.postMessage({ x: x.slice(), y: y.slice() });
  }).finally(() => worker.terminate());
}

export function createScatter(
  canvas: HTMLCanvasElement,
  bounds: Bounds,
  size: { width: number; height: number },
  points: number,
  on: ScatterEvents,
): Scatter {
  const [x0, y0, x1, y1] = bounds;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  // One scale for both axes, so the map keeps its shape; a margin keeps edge points off the border.
  const half = (Math.max(x1 - x0, y1 - y0) / 2) * 1.04 || 1;
  const xScale = linearScale([cx - half, cx + half]);
  const yScale = linearScale([cy - half, cy + half]);
  const plot = createScatterplot({
    canvas,
    width: size.width,
    height: size.height,
    // Typed as D3's scales; regl-scatterplot calls only what LinearScale has (domain, range, the call).
    xScale: xScale as never,
    yScale: yScale as never,
    pointSize: Math.min(5, Math.max(1.5, 220 / Math.sqrt(Math.max(points, 1)))),
    pointSizeSelected: 2,
    pointOutlineWidth: 1,
    opacity: 0.85,
    // Squares, not circles: at these sizes they look alike, and software WebGL draws them faster.
    renderPointsAsSquares: true,
    spatialIndexUseWorker: false,
    lassoOnLongPress: false,
    showReticle: false,
  });
  let lastX: Float32Array | undefined;
  let lastY: Float32Array | undefined;
  let index: ArrayBuffer | undefined;
  let indexed: Promise<void> | undefined;
  /** Builds the index: in the worker, or at once (`now`) when the pointer needs it before the worker is done. */
  let fillIndex = (now: boolean) => void now;
  let lassoed = false;
  plot.subscribe('view', () => on.onView(xScale, yScale));
  plot.subscribe('draw', () => performance.mark('map:frame'));
  plot.subscribe('pointOver', (i: number) => on.onOver(i));
  plot.subscribe('pointOut', () => on.onOut());
  // A lasso publishes lassoStart, then select with its points (then lassoEnd); a click on one point
  // selects it too, but only a lasso's choice is a selection here.
  plot.subscribe('lassoStart', () => {
    lassoed = true;
  });
  plot.subscribe('select', ({ points: ords }: { points: number[] }) => {
    if (lassoed) on.onSelect(Array.from(ords));
    lassoed = false;
  });
  plot.subscribe('deselect', () => on.onDeselect());
  // The pointer needs the index: a press or a move before the worker is done builds it at once, on
  // the main thread, before the scatterplot's own listeners (on the canvas and, bubbling, on the
  // window) see the event.
  const needIndex = () => fillIndex(true);
  window.addEventListener('mousemove', needIndex, { capture: true, passive: true });
  window.addEventListener('mousedown', needIndex, { capture: true, passive: true });

  // Plain loops: Float32Array.from with a mapping function costs several times more per point.
  const normal = (xs: Float32Array, ys: Float32Array) => {
    const n = xs.length;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (xs[i]! - cx) / half;
      y[i] = (ys[i]! - cy) / half;
    }
    return { x, y };
  };
  let width = size.width;
  let height = size.height;
  const ndcRect = () => {
    const [a, b] = xScale.domain();
    const [c, d] = yScale.domain();
    return { x: (a - cx) / half, y: (c - cy) / half, width: (b - a) / half, height: (d - c) / half };
  };

  return {
    async draw(x, y, category, palette) {
      lastX = x;
      lastY = y;
      // Awaited: set() redraws at the next animation frame, which would otherwise be a second full
      // frame right after draw()'s (as would the frame its creation asked for, which this one follows).
      await plot.set({ pointColor: palette, colorBy: 'valueA' });
      const n = normal(x, y);
      // Drawn with an index that finds nothing; the real one's bytes are copied over it once built
      // (KDBush.from keeps views on the buffer it is given), after the first frame, off the main thread.
      const shared = emptySpatialIndex(x.length);
      index = shared;
      let filled = false;
      const fill = (real: ArrayBuffer) => {
        if (filled) return;
        if (real.byteLength !== shared.byteLength) throw new Error('the spatial index has an unexpected layout');
        new Uint8Array(shared).set(new Uint8Array(real));
        filled = true;
      };
      fillIndex = (now) => {
        if (now && !filled) fill(buildSpatialIndex(n.x, n.y));
        indexed ??= filled ? Promise.resolve() : spatialIndexOf(n.x, n.y).then(fill);
      };
      // Typed columns: regl-scatterplot reads them as they are (an Array.from of every point costs a copy).
      await plot.draw({ x: n.x, y: n.y, valueA: category }, { zDataType: 'categorical', spatialIndex: shared });
      on.onView(xScale, yScale);
    },
    index() {
      fillIndex(false);
      return indexed ?? Promise.resolve();
    },
    async recolour(category, palette) {
      if (!lastX || !lastY) return;
      await plot.set({ pointColor: palette, colorBy: 'valueA' });
      const n = normal(lastX, lastY);
      await plot.draw({ x: n.x, y: n.y, valueA: category }, { zDataType: 'categorical', preventFilterReset: true, spatialIndex: index });
    },
    zoom(factor) {
      const r = ndcRect();
      const w = r.width / factor;
      const h = r.height / factor;
      void plot.zoomToArea({ x: r.x + (r.width - w) / 2, y: r.y + (r.height - h) / 2, width: w, height: h }, { transition: false });
    },
    pan(dx, dy) {
      const r = ndcRect();
      void plot.zoomToArea({ ...r, x: r.x + dx * r.width, y: r.y + dy * r.height }, { transition: false });
    },
    reset() {
      void plot.zoomToOrigin({ transition: false });
    },
    lasso(on) {
      plot.set({ mouseMode: on ? 'lasso' : 'panZoom' });
    },
    deselect() {
      plot.deselect();
    },
    screenOf(ord) {
      if (!lastX || !lastY || ord < 0 || ord >= lastX.length) return undefined;
      return [xScale(lastX[ord]!), yScale(lastY[ord]!)];
    },
    resize(w, h) {
      // The first observation reports the size drawn at: redrawing 800k points for it costs a frame.
      if (Math.abs(w - width) < 1 && Math.abs(h - height) < 1) return;
      [width, height] = [w, h];
      plot.set({ width, height });
    },
    destroy() {
      window.removeEventListener('mousemove', needIndex, { capture: true });
      window.removeEventListener('mousedown', needIndex, { capture: true });
      plot.destroy();
    },
  };
}
