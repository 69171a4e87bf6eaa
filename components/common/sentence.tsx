import { sentence } from '@/lib/filters/describe';
import type { ViewLinks } from '@/lib/urls';

/** "1,204 conversations in Russian from Germany …": what a view shows, its count in bold. */
export function Sentence({ total, links }: { total: number; links: ViewLinks }) {
  const s = sentence(total, links.params);
  return (
    <span data-testid="sentence">
      <strong>{s.count}</strong> {s.rest}
    </span>
  );
}
