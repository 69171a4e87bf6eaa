import { geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Shape, ShapeSet } from './shapes';
import { thinPath } from './thin';

type Named = Feature<Geometry, { name: string }>;

/** Below this area (px²) a shape gets a dot so it can be seen and clicked. */
const TINY = 12;

/** Projects features to rounded SVG paths fitted into width × height. */
export function projectShapes(features: Named[], projection: GeoProjection, width: number, height: number): ShapeSet {
  const collection: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features };
  projection.fitSize([width, height], collection);
  const path = geoPath(projection).digits(0);
  const shapes: Shape[] = [];
  for (const f of features) {
    const raw = path(f);
    if (!raw) continue;
    const d = thinPath(raw, 1);
    const shape: Shape = { name: f.properties.name, d };
    if (path.area(f) < TINY) {
      const [x, y] = path.centroid(f);
      if (Number.isFinite(x) && Number.isFinite(y)) shape.dot = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    }
    shapes.push(shape);
  }
  return { width, height, shapes };
}
