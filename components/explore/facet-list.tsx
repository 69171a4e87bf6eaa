import { toggleHref } from '@/lib/urls';
import { FacetValues, type FacetItem } from './facet-values';

interface Props {
  title: string;
  param: string;
  values: { value: string | boolean | null; count: number }[];
  params: URLSearchParams;
  limit?: number;
  /** Boolean facets are single-valued: a click sets the value rather than adding to a list. */
  single?: boolean;
  /** Notices of this facet's bad parameters, under its title. */
  notice?: React.ReactNode;
}

/** One facet: values with counts; a click toggles the value, "not" excludes it. */
export function FacetList({ title, param, values, params, limit = 8, single = false, notice }: Props) {
  const selected = new Set(params.getAll(param));
  const excluded = new Set(params.getAll(`not_${param}`));
  const items: FacetItem[] = values.map(({ value, count }) => {
    const v = value === null ? null : String(value);
    if (v === null) return { value: null, label: 'unknown', count, selected: false, excluded: false };
    const href = single && !selected.has(v)
      ? toggleHref(new URLSearchParams([...params].filter(([k]) => k !== param)), param, v)
      : toggleHref(params, param, v);
    return { value: v, label: v, count, href, notHref: single ? undefined : toggleHref(params, `not_${param}`, v), selected: selected.has(v), excluded: excluded.has(v) };
  });
  return (
    <section className="mb-4" data-facet={param}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {notice}
      <FacetValues items={items} limit={limit} title={title} />
    </section>
  );
}
