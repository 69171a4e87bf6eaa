import { ChartSkeleton } from './skeleton';

/** The charts page's layout while its numbers load. */
export function ChartsSkeleton() {
  return (
    <div className="space-y-4" data-testid="charts-loading">
      <div className="h-5 w-72 animate-pulse rounded bg-slate-200" />
      <ChartSkeleton title="Conversations by country" height={380} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartSkeleton title="States and regions" />
        <ChartSkeleton title="Languages in the top countries" />
        <ChartSkeleton title="Languages" />
        <ChartSkeleton title="Models" />
      </div>
      <ChartSkeleton title="Conversations over time" height={300} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartSkeleton title="Messages flagged, by OpenAI category" />
        <ChartSkeleton title="Score distribution" />
      </div>
    </div>
  );
}
