// Turn-count buckets for the explore sidebar, counted under every filter but the turn range
// itself (like the other facets), so choosing a bucket does not hide the others.

export const TURN_BUCKETS = [
  { label: '1', min: 1, max: 1 },
  { label: '2', min: 2, max: 2 },
  { label: '3–5', min: 3, max: 5 },
  { label: '6–10', min: 6, max: 10 },
  { label: '11–20', min: 11, max: 20 },
  { label: '21+', min: 21, max: null },
] as const;

export interface TurnBucket {
  label: string;
  min: number;
  max: number | null;
  count: number;
}

/** Aggregates over conversations `c`, one per bucket, for turnBucketsOf to read back. */
export const turnBucketColumns = (): string[] =>
  TURN_BUCKETS.map(
    (b, i) => `count(*) FILTER (WHERE c.turns >= ${b.min}${b.max === null ? '' : ` AND c.turns <= ${b.max}`})::INTEGER AS tb${i}`,
  );

export const turnBucketsOf = (row: Record<string, number>): TurnBucket[] =>
  TURN_BUCKETS.map((b, i) => ({ ...b, count: row[`tb${i}`] ?? 0 }));
