import { CATEGORIES } from '@/lib/dataset/moderation';
import { thresholdParam, type FlaggedDef } from '@/lib/filters/fields';
import type { FlagCounts } from '@/lib/queries/flag-counts';
import type { ViewLinks } from '@/lib/urls';
import { FacetValues } from './facet-values';
import { ThresholdForm } from './threshold-form';

/** OpenAI moderation: categories flagged (any message), and a per-category score threshold. */
export function ModerationFacet({
  def,
  counts,
  links,
  notice,
}: {
  def: FlaggedDef;
  counts: FlagCounts;
  links: ViewLinks;
  notice?: React.ReactNode;
}) {
  const items = counts.map(({ value, count }) => ({
    value,
    label: value === 'any' ? 'any category' : value,
    count,
    href: links.toggle(def.key, value),
    selected: links.has(def.key, value),
    excluded: false,
  }));
  return (
    <section className="mb-4" data-facet={def.key}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{def.title}</h3>
      {notice}
      <FacetValues items={items} limit={5} title="moderation categories" />
      <ThresholdForm query={links.query} categories={CATEGORIES.map((c) => ({ value: c, param: thresholdParam(c) }))} />
    </section>
  );
}
