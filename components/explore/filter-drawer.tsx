// The explore filters: a sidebar from md up; below it a drawer opened by a link under the search
// box. The drawer is the sidebar itself shown as `:target`, so it works before any script runs.
const DRAWER_ID = 'filters';

export function FilterDrawerButton({ active }: { active: number }) {
  return (
    <a
      href={`#${DRAWER_ID}`}
      data-testid="filters-button"
      className="mb-2 inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm md:hidden"
    >
      Filters{active > 0 && <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white">{active} active</span>}
    </a>
  );
}

export function FilterDrawer({ active, children }: { active: number; children: React.ReactNode }) {
  return (
    <aside
      id={DRAWER_ID}
      aria-label="Filters"
      className="md:-order-1 max-md:hidden max-md:target:fixed max-md:target:inset-0 max-md:target:z-40 max-md:target:block max-md:target:overflow-y-auto max-md:target:bg-white max-md:target:p-4"
    >
      <div className="mb-3 flex items-center justify-between md:hidden">
        <h2 className="font-semibold">Filters{active > 0 ? ` · ${active} active` : ''}</h2>
        <a href="#" className="rounded border border-slate-300 px-3 py-1 text-sm" data-testid="filters-close">
          Done
        </a>
      </div>
      {children}
    </aside>
  );
}
