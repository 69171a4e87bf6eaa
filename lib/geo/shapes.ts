// Map shapes as the chart components receive them: SVG paths already projected on the server, so
// the TopoJSON never reaches the browser bundle.
export interface Shape {
  name: string; // the atlas name (world-atlas country or us-atlas state)
  d: string;
  /** Centre of a shape too small to point at; the map draws a dot there. */
  dot?: [number, number];
}

export interface ShapeSet {
  width: number;
  height: number;
  shapes: Shape[];
}
