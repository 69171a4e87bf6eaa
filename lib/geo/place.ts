// Puts ranked country (or state) counts on map shapes. Several data names may land on one shape
// (e.g. "Turkey" and "Türkiye"); names with no shape are returned, never dropped.
import type { Ranked } from '../stats/types';

export interface Placed {
  count: number;
  flagged: number;
  names: string[];
}

export interface Placement {
  byShape: Map<string, Placed>;
  unmapped: Ranked[]; // named values with no shape
  unknown: Ranked | undefined; // the null value (no country recorded)
}

export function place(values: Ranked[], shapeNames: ReadonlySet<string>, shapeNameOf: (name: string) => string = (n) => n): Placement {
  const byShape = new Map<string, Placed>();
  const unmapped: Ranked[] = [];
  let unknown: Ranked | undefined;
  for (const v of values) {
    if (v.value === null) {
      unknown = v;
      continue;
    }
    const shape = shapeNameOf(v.value);
    if (!shapeNames.has(shape)) {
      unmapped.push(v);
      continue;
    }
    const p = byShape.get(shape) ?? { count: 0, flagged: 0, names: [] };
    p.count += v.count;
    p.flagged += v.flagged;
    p.names.push(v.value);
    byShape.set(shape, p);
  }
  return { byShape, unmapped, unknown };
}
