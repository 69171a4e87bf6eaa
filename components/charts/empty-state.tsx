/** Shown in place of a chart when the filters select nothing for it. */
export function EmptyState({
  height = 160,
  children = 'No conversations match these filters.',
}: {
  height?: number;
  children?: React.ReactNode;
}) {
  return (
    <div
      className="flex items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-500"
      style={{ height }}
      data-testid="chart-empty"
    >
      {children}
    </div>
  );
}
