import { CATEGORIES, underscored } from '@/lib/dataset/moderation';
import type { FlagCounts } from '@/lib/queries/flag-counts';
import { toggleHref } from '@/lib/urls';
import { FacetValues } from './facet-values';
import { ThresholdForm } from './threshold-form';

/** OpenAI moderation: categories flagged (any message), and a per-category score threshold. */
export function ModerationFacet({ counts, params, notice }: { counts: FlagCounts; params: URLSearchParams; notice?: React.ReactNode }) {
  const selected = new Set(params.getAll('flagged'));
  const items = counts.map(({ value, count }) => ({
    value, label: value === 'any' ? 'any category' : value, count, href: toggleHref(params, 'flagged', value),
    selected: selected.has(value), excluded: false,
  }));
  return (
    <section className="mb-4" data-facet="flagged">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Moderation flagged</h3>
      {notice}
      <FacetValues items={items} limit={5} title="moderation categories" />
      <ThresholdForm query={params.toString()} categories={CATEGORIES.map((c) => ({ value: c, param: `min_${underscored(c)}` }))} />
    </section>
  );
}
