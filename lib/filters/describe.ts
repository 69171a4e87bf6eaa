// One readable sentence for what a view shows, built from the (already validated) query string
// through the field table, e.g. "1,204 conversations in Russian from Germany since 2023-09-01
// containing “essay”".
import { FIELD_DEFS, notParam, paramRole, type FieldDef, type ValueField } from './fields';

/** Readable names of stored values, where a value is a code (topics: `t3.1` → its label). */
export type ValueNames = Partial<Record<ValueField, ReadonlyMap<string, string>>>;

const fmt = (n: number) => n.toLocaleString('en-US');
const short = (s: string) => (s.length > 12 ? `${s.slice(0, 10)}…` : s);

function or(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The clause of one field, or none when the query string does not use it. */
function clause(def: FieldDef, p: URLSearchParams, names: ValueNames): string | undefined {
  const get = (k: string) =>
    p
      .getAll(k)
      .map((v) => v.trim())
      .filter(Boolean);
  const one = (k: string): string | undefined => get(k)[0];
  switch (def.kind) {
    case 'values': {
      const named = names[def.key];
      const show = (vs: string[]) => or(vs.map((v) => (named?.has(v) ? `“${named.get(v)}”` : def.short ? short(v) : v)));
      const yes = get(def.key);
      const no = get(notParam(def.key));
      return [yes.length ? `${def.yes} ${show(yes)}` : '', no.length ? `${def.no} ${show(no)}` : ''].filter(Boolean).join(' ') || undefined;
    }
    case 'range': {
      const [unit, units] = def.unit;
      const min = one(`${def.key}_min`);
      const max = one(`${def.key}_max`);
      const n = (v: string) => (v === '1' ? unit : units);
      if (min && max) return min === max ? `with ${min} ${n(min)}` : `with ${min}–${max} ${units}`;
      if (min) return `with at least ${min} ${n(min)}`;
      if (max) return `with at most ${max} ${n(max)}`;
      return undefined;
    }
    case 'dates': {
      const from = one('from');
      const to = one('to');
      if (from && to) return `from ${from} to ${to}`;
      return from ? `since ${from}` : to ? `until ${to}` : undefined;
    }
    case 'bool': {
      const v = one(def.key);
      return v && (v === 'true' ? def.word : `not ${def.word}`);
    }
    case 'flagged': {
      const flagged = get('flagged');
      if (!flagged.length) return undefined;
      return flagged.includes('any') ? 'flagged by moderation' : `flagged for ${or(flagged)}`;
    }
    case 'threshold': {
      const parts: string[] = [];
      for (const [k, v] of p) {
        const role = paramRole(k);
        if (role && 'category' in role && v.trim()) parts.push(`with ${role.category} score ≥ ${v.trim()}`);
      }
      return parts.join(' ') || undefined;
    }
    case 'search': {
      const q = one('q');
      const role = one('role');
      return q && `containing “${q}”${role ? ` in ${role} messages` : ''}`;
    }
    case 'role':
      return undefined; // said with the search
  }
}

/** The clauses after the count: "in Russian from Germany since 2023-09-01 containing “essay”". */
export function describeParams(p: URLSearchParams, names: ValueNames = {}): string {
  const parts: (string | string[])[] = [];
  for (const def of FIELD_DEFS) {
    const c = clause(def, p, names);
    if (!c) continue;
    // Yes/no marks read as one clause where the first of them stands: "marked toxic and not redacted".
    const marks = parts.find((x) => Array.isArray(x));
    if (def.kind !== 'bool') parts.push(c);
    else if (marks) marks.push(c);
    else parts.push([c]);
  }
  return parts.map((x) => (Array.isArray(x) ? `marked ${x.join(' and ')}` : x)).join(' ');
}

/** The sentence in two parts, the count (pages set it in bold) and the rest. */
export function sentence(total: number, p: URLSearchParams, names: ValueNames = {}): { count: string; rest: string } {
  const clauses = describeParams(p, names);
  return { count: fmt(total), rest: `conversation${total === 1 ? '' : 's'}${clauses ? ` ${clauses}` : ''}` };
}

/** The whole sentence: count, noun, clauses. */
export function describe(total: number, p: URLSearchParams, names: ValueNames = {}): string {
  const s = sentence(total, p, names);
  return `${s.count} ${s.rest}`;
}
