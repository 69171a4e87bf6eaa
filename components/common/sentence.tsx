import { sentence } from '@/lib/filters/describe';

/** "1,204 conversations in Russian from Germany …": what a view shows, its count in bold. */
export function Sentence({ total, params }: { total: number; params: URLSearchParams }) {
  const s = sentence(total, params);
  return (
    <span data-testid="sentence">
      <strong>{s.count}</strong> {s.rest}
    </span>
  );
}
