/** A chart's place while its numbers load. */
export function ChartSkeleton({ title, height = 240, className = '' }: { title: string; height?: number; className?: string }) {
  return (
    <div className={`rounded-lg border border-slate-200 bg-white p-3 ${className}`} aria-busy="true" data-testid="chart-skeleton">
      <p className="mb-2 text-sm font-semibold text-slate-500">{title}</p>
      <div className="animate-pulse rounded bg-slate-100" style={{ height }} />
    </div>
  );
}
