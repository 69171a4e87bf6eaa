import { seriesColour } from './palette';

/** The series of a stacked or grouped chart; the downloads redraw it from the data attributes. */
export function SeriesLegend({ keys }: { keys: string[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" data-legend>
      {keys.map((k, i) => (
        <li key={k} className="flex items-center gap-1" data-label={k} data-colour={seriesColour(k, i)}>
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: seriesColour(k, i) }} />
          {k}
        </li>
      ))}
    </ul>
  );
}
