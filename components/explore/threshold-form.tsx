'use client';
// A score threshold needs the category in the parameter's name (min_<category>), which a plain
// GET form cannot do, hence this small client form.
import { useState } from 'react';
import { usePendingNavigation } from '@/components/common/navigation-pending';
import { ViewLinks } from '@/lib/urls';

export function ThresholdForm({ query, categories }: { query: string; categories: { value: string; param: string }[] }) {
  const { go } = usePendingNavigation();
  const [param, setParam] = useState(categories[0]?.param ?? '');
  const [score, setScore] = useState('0.5');
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-1 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        go(new ViewLinks(query).set({ [param]: score }));
      }}
    >
      <select
        value={param}
        onChange={(e) => setParam(e.target.value)}
        aria-label="Score category"
        className="max-w-[9rem] rounded border border-slate-300 px-1"
      >
        {categories.map((c) => (
          <option key={c.param} value={c.param}>
            {c.value}
          </option>
        ))}
      </select>
      <span className="text-slate-500">≥</span>
      <input
        type="number"
        min={0}
        max={1}
        step={0.05}
        value={score}
        onChange={(e) => setScore(e.target.value)}
        aria-label="Minimum score"
        className="w-16 rounded border border-slate-300 px-1"
      />
      <button className="rounded border border-slate-300 bg-white px-2 text-xs hover:bg-slate-100">Apply</button>
    </form>
  );
}
