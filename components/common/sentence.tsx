import { sentence } from '@/lib/filters/describe';
import { topicNames } from '@/lib/queries/topics';
import type { ViewLinks } from '@/lib/urls';

/** "1,204 conversations in Russian from Germany …": what a view shows, its count in bold. */
export async function Sentence({ total, links }: { total: number; links: ViewLinks }) {
  const s = sentence(total, links.params, await topicNames(links.params));
  return (
    <span data-testid="sentence">
      <strong>{s.count}</strong> {s.rest}
    </span>
  );
}
