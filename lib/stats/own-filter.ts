// Which filter a chart is drawn without: the field its clicks filter by (OWN_FILTER), when the
// filter sets it. Explore's facets are counted the same way (filters/where.ts `without`).
import type { ValueField } from '../filters/fields';
import type { Filter } from '../filters/schema';
import { filtersOn } from '../filters/where';
import { OWN_FILTER, type ChartName, type OwnFilterChart } from './types';

const isOwnFilterChart = (chart: ChartName): chart is OwnFilterChart => Object.hasOwn(OWN_FILTER, chart);

/** The field `chart` leaves out of `filter`, or undefined when it keeps every condition. */
export function omittedBy(chart: ChartName, filter: Filter): ValueField | undefined {
  if (!isOwnFilterChart(chart)) return undefined;
  const field = OWN_FILTER[chart];
  return filtersOn(filter, field) ? field : undefined;
}
