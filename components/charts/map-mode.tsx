'use client';
import type { MapMode } from './choropleth';

/** Counts or per-place rates, for the maps. */
export function MapModeToggle({ mode, onChange }: { mode: MapMode; onChange: (m: MapMode) => void }) {
  const item = (m: MapMode, text: string) => (
    <button
      type="button"
      aria-pressed={mode === m}
      onClick={() => onChange(m)}
      className={`px-2 py-0.5 ${mode === m ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}
    >
      {text}
    </button>
  );
  return (
    <span className="inline-flex overflow-hidden rounded border border-slate-300" role="group" aria-label="Colour by">
      {item('count', 'Conversations')}
      {item('rate', 'Share flagged')}
    </span>
  );
}
