// A linear scale with the part of D3's API that regl-scatterplot uses to report its view: it sets
// the domain to the map coordinates in view and the range to the canvas's pixels on every pan and zoom.

export interface LinearScale {
  (v: number): number;
  domain(): [number, number];
  domain(d: readonly number[]): LinearScale;
  range(): [number, number];
  range(r: readonly number[]): LinearScale;
  invert(px: number): number;
  copy(): LinearScale;
}

export function linearScale(domain: readonly number[], range: readonly number[] = [0, 1]): LinearScale {
  let d: [number, number] = [domain[0]!, domain[1]!];
  let r: [number, number] = [range[0]!, range[1]!];
  const scale = ((v: number) => r[0] + ((v - d[0]) / (d[1] - d[0])) * (r[1] - r[0])) as LinearScale;
  scale.domain = ((next?: readonly number[]) => {
    if (!next) return [...d];
    d = [next[0]!, next[1]!];
    return scale;
  }) as LinearScale['domain'];
  scale.range = ((next?: readonly number[]) => {
    if (!next) return [...r];
    r = [next[0]!, next[1]!];
    return scale;
  }) as LinearScale['range'];
  scale.invert = (px: number) => d[0] + ((px - r[0]) / (r[1] - r[0])) * (d[1] - d[0]);
  scale.copy = () => linearScale(d, r);
  return scale;
}

/**
 * The coordinates the points are drawn at: the map's bounds centred on 0 and scaled by one factor
 * on both axes (the map keeps its shape) to within [-1, 1], with a margin off the border.
 */
export function viewFrame(bounds: readonly [number, number, number, number]) {
  const [x0, y0, x1, y1] = bounds;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const half = (Math.max(x1 - x0, y1 - y0) / 2) * 1.04 || 1;
  return {
    cx,
    cy,
    half,
    /** Map coordinates to drawn ones (plain loops: Float32Array.from with a mapping function costs several times more a point). */
    place(xs: Float32Array, ys: Float32Array): { x: Float32Array; y: Float32Array } {
      const n = xs.length;
      const x = new Float32Array(n);
      const y = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = (xs[i]! - cx) / half;
        y[i] = (ys[i]! - cy) / half;
      }
      return { x, y };
    },
  };
}
