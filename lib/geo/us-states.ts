import 'server-only';
import { geoAlbersUsa, geoCentroid } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'us-atlas/states-10m.json';
import { projectShapes } from './project';
import type { ShapeSet } from './shapes';

type Named = Feature<Geometry, { name: string }>;
type Atlas = Topology<{ states: GeometryCollection<{ name: string }> }>;

let cached: ShapeSet | undefined;

/** The US states (and DC), Albers USA with Alaska and Hawaii inset, in a 960 × 560 box. */
export function usStateShapes(): ShapeSet {
  if (!cached) {
    const t = atlas as unknown as Atlas;
    // Albers USA has no place for the territories (Puerto Rico, Guam...): they would project to null.
    const states = (feature(t, t.objects.states).features as Named[]).filter((f) => geoAlbersUsa()(geoCentroid(f)) !== null);
    cached = projectShapes(states, geoAlbersUsa(), 960, 560);
  }
  return cached;
}
