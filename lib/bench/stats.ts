// Latency statistics for the benchmark report.
export interface Stats {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function stats(ms: number[], errors = 0): Stats {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, errors, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s[s.length - 1] ?? NaN };
}
