// Page arithmetic for the explore pager: offsets of first/previous/next/last and a short window
// of page numbers around the current one (null marks a gap).
export interface Paging {
  page: number; // 1-based
  pages: number;
  first: number; // 1-based index of the first row shown (0 when empty)
  last: number;
  prev: number | null; // offsets
  next: number | null;
  lastOffset: number;
  window: (number | null)[];
}

export function paging(total: number, limit: number, offset: number, span = 2): Paging {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const lastOffset = (pages - 1) * limit;
  const window: (number | null)[] = [];
  const lo = Math.max(1, page - span);
  const hi = Math.min(pages, page + span);
  if (lo > 1) window.push(1);
  if (lo > 2) window.push(null);
  for (let i = lo; i <= hi; i++) window.push(i);
  if (hi < pages - 1) window.push(null);
  if (hi < pages) window.push(pages);
  return {
    page,
    pages,
    lastOffset,
    window,
    first: total === 0 ? 0 : Math.min(offset + 1, total),
    last: Math.min(offset + limit, total),
    prev: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + limit < total ? offset + limit : null,
  };
}
