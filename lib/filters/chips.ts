// The active filters as removable chips: one per (parameter, value), each with the link that
// drops it. Parameters that are no filter (listing, chart options) get no chip.
import { ViewLinks, type ViewPath } from '../urls';
import type { ValueNames } from './describe';
import { paramRole } from './fields';

export interface Chip {
  key: string;
  value: string;
  label: string;
  href: string;
}

const short = (s: string) => (s.length > 12 ? `${s.slice(0, 10)}…` : s);

function label(key: string, value: string, names: ValueNames): string | undefined {
  const role = paramRole(key);
  if (!role) return undefined;
  const def = role.def;
  switch (def.kind) {
    case 'search':
      return `search: “${value}”`;
    case 'role':
      return `in ${value} messages`;
    case 'threshold':
      return `${key.slice(4)} ≥ ${value}`;
    case 'range':
      return `${def.key} ${role.as === 'min' ? '≥' : '≤'} ${value}`;
    case 'values':
      return `${role.as === 'not' ? 'not ' : ''}${def.chip}: ${names[def.key]?.get(value) ?? (def.short ? short(value) : value)}`;
    default:
      return `${key}: ${value}`;
  }
}

/** `path` is the page the chips' links stay on (`/` explore, `/charts`). */
export function chips(p: URLSearchParams, path: ViewPath = '/', names: ValueNames = {}): Chip[] {
  const links = new ViewLinks(p, path);
  const out: Chip[] = [];
  for (const [key, raw] of p) {
    const value = raw.trim();
    const text = value === '' ? undefined : label(key, value, names);
    if (text === undefined) continue;
    out.push({ key, value, label: text, href: links.remove(key, raw) });
  }
  return out;
}
