import 'server-only';
import { geoEqualEarth } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import coarse from 'world-atlas/countries-110m.json';
import fine from 'world-atlas/countries-50m.json';
import { projectShapes } from './project';
import type { ShapeSet } from './shapes';

type Named = Feature<Geometry, { name: string }>;
type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const features = (t: unknown): Named[] => {
  const atlas = t as Atlas;
  return feature(atlas, atlas.objects.countries).features as Named[];
};

// The 1:110m outlines keep the page light; the 1:50m file adds the places 1:110m leaves out
// (Hong Kong, Macao, Singapore, Bahrain, Malta, small islands...). Antarctica has no users.
function worldFeatures(): Named[] {
  const base = features(coarse);
  const have = new Set(base.map((f) => f.properties.name));
  return [...base, ...features(fine).filter((f) => !have.has(f.properties.name))].filter((f) => f.properties.name !== 'Antarctica');
}

let cached: ShapeSet | undefined;

/** Every country shape, projected (Equal Earth) into a 960 × 440 box. */
export function worldShapes(): ShapeSet {
  cached ??= projectShapes(worldFeatures(), geoEqualEarth(), 960, 440);
  return cached;
}
