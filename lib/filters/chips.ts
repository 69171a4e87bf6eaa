// The active filters as removable chips: one per (parameter, value), each with the link that
// drops it. Listing parameters (sort, limit, offset) and chart options (interval, stack, split)
// are not filters and get no chip.
import { toggleHref } from '../urls';

export interface Chip { key: string; value: string; label: string; href: string }

const LISTING = new Set(['sort', 'limit', 'offset', 'interval', 'stack', 'split']);
const NAMES: Record<string, string> = {
  q: 'search', role: 'in', hashed_ip: 'user', conversation_hash: 'hash', turns_min: 'turns ≥', turns_max: 'turns ≤',
  from: 'from', to: 'to', flagged: 'flagged',
};

function label(key: string, value: string): string {
  if (key === 'q') return `search: “${value}”`;
  if (key === 'role') return `in ${value} messages`;
  if (key.startsWith('min_')) return `${key.slice(4)} ≥ ${value}`;
  const negated = key.startsWith('not_');
  const field = negated ? key.slice(4) : key;
  const name = NAMES[field] ?? field.replace(/_/g, ' ');
  const shown = field === 'hashed_ip' || field === 'conversation_hash' ? (value.length > 12 ? `${value.slice(0, 10)}…` : value) : value;
  return `${negated ? 'not ' : ''}${name}${/[≥≤]$/.test(name) ? ' ' : ': '}${shown}`;
}

/** `path` is the page the chips' links stay on (`/` explore, `/charts`). */
export function chips(p: URLSearchParams, path = '/'): Chip[] {
  const out: Chip[] = [];
  for (const [key, raw] of p) {
    const value = raw.trim();
    if (LISTING.has(key) || value === '') continue;
    // Dropping the search also drops its role and a relevance sort, which would be refused without q.
    let href = toggleHref(p, key, raw, path);
    if (key === 'q') {
      const next = new URLSearchParams(href.split('?')[1] ?? '');
      next.delete('role');
      if (next.get('sort') === 'relevance') next.delete('sort');
      href = next.size ? `${path}?${next}` : path;
    }
    out.push({ key, value, label: label(key, value), href });
  }
  return out;
}
