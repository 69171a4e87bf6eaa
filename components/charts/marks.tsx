// Each drawn bar or point carries the series, the key of its axis position and the value it was
// drawn from, read from the props recharts draws it with: tests and readers can check the picture
// against the API. Attributes on the existing marks, so no extra DOM for bars.
import { Rectangle, type BarShapeProps, type DotItemDotProps } from 'recharts';
import { UNCHOSEN_OPACITY } from './palette';

type KeyOf = (row: Record<string, unknown>) => string | number;

/** The value a bar shows: its own segment when stacked ([start, end]), else its value. */
const drawn = (v: number | [number, number]) => (Array.isArray(v) ? v[1] - v[0] : v);

/**
 * A Bar `shape`: the default rectangle, labelled with the mark's series, key and value; `dimmed`
 * rows (values the view does not keep, in a chart drawn without that filter) are drawn lighter.
 */
export function barMark(series: string, keyOf: KeyOf, dimmed?: (row: Record<string, unknown>) => boolean) {
  return function BarMark(p: BarShapeProps) {
    const dim = dimmed?.(p.payload) ?? false;
    return (
      <Rectangle
        {...p}
        fillOpacity={dim ? UNCHOSEN_OPACITY : undefined}
        data-series={series}
        data-key={keyOf(p.payload)}
        data-drawn={drawn(p.value)}
        data-chosen={dimmed ? String(!dim) : undefined}
      />
    );
  };
}

/** A Line `dot`: nothing visible (r = 0), labelled like a bar; none where the line has no point. */
export function lineMark(series: string, keyOf: KeyOf) {
  return function LineMark(p: DotItemDotProps) {
    if (p.cx === undefined || p.cy === undefined || p.value === null || p.value === undefined) return null;
    return <circle key={p.index} cx={p.cx} cy={p.cy} r={0} data-series={series} data-key={keyOf(p.payload)} data-drawn={Number(p.value)} />;
  };
}
