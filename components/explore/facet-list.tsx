import { notParam, type BoolDef, type ValueDef } from '@/lib/filters/fields';
import { topicLabels } from '@/lib/queries/topics';
import type { ViewLinks } from '@/lib/urls';
import { FacetValues, type FacetItem } from './facet-values';

interface Props {
  def: ValueDef | BoolDef;
  values: { value: string | boolean | null; count: number }[];
  links: ViewLinks;
  /** Notices of this facet's bad parameters, under its title. */
  notice?: React.ReactNode;
}

/** One facet: values with counts; a click toggles the value, "not" excludes it. True/false facets hold one value. */
export async function FacetList({ def, values, links, notice }: Props) {
  const single = def.kind === 'bool';
  // Topics are stored as ids (t3.1): people read their labels.
  const names = def.key === 'topic' ? await topicLabels() : undefined;
  const items: FacetItem[] = values.map(({ value, count }) => {
    const v = value === null ? null : String(value);
    if (v === null) return { value: null, label: 'unknown', count, selected: false, excluded: false };
    return {
      value: v,
      label: names?.get(v) ?? v,
      count,
      href: single ? links.choose(def.key, v) : links.toggle(def.key, v),
      notHref: single ? undefined : links.toggle(notParam(def.key), v),
      selected: links.has(def.key, v),
      excluded: !single && links.has(notParam(def.key), v),
    };
  });
  return (
    <section className="mb-4" data-facet={def.key}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{def.title}</h3>
      {notice}
      <FacetValues items={items} limit={def.kind === 'values' ? (def.facet?.limit ?? 8) : 8} title={def.title} />
    </section>
  );
}
