// One readable sentence for what the explore page shows, built from the (already validated)
// query string, e.g. "1,204 conversations in Russian from Germany since 2023-09-01 containing “essay”".
import { CATEGORIES, underscored } from '../dataset/moderation';

const fmt = (n: number) => n.toLocaleString('en-US');
const BY_UNDERSCORE = new Map<string, string>(CATEGORIES.map((c) => [underscored(c), c]));

function or(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

const short = (s: string) => (s.length > 12 ? `${s.slice(0, 10)}…` : s);

/** The clauses after the count: "in Russian from Germany since 2023-09-01 containing “essay”". */
export function describeParams(p: URLSearchParams): string {
  const get = (k: string) => p.getAll(k).map((v) => v.trim()).filter(Boolean);
  const one = (k: string) => get(k)[0];
  const parts: string[] = [];
  const pair = (field: string, yes: string, no: string, map: (v: string) => string = (v) => v) => {
    if (get(field).length) parts.push(`${yes} ${or(get(field).map(map))}`);
    if (get(`not_${field}`).length) parts.push(`${no} ${or(get(`not_${field}`).map(map))}`);
  };
  pair('language', 'in', 'not in');
  pair('country', 'from', 'not from');
  pair('state', 'in the state of', 'outside');
  pair('model', 'with', 'not with');
  pair('hashed_ip', 'by user', 'not by user', short);
  pair('conversation_hash', 'with content hash', 'without content hash', short);
  const turnsMin = one('turns_min');
  const turnsMax = one('turns_max');
  if (turnsMin && turnsMax) parts.push(turnsMin === turnsMax ? `with ${turnsMin} turn${turnsMin === '1' ? '' : 's'}` : `with ${turnsMin}–${turnsMax} turns`);
  else if (turnsMin) parts.push(`with at least ${turnsMin} turn${turnsMin === '1' ? '' : 's'}`);
  else if (turnsMax) parts.push(`with at most ${turnsMax} turn${turnsMax === '1' ? '' : 's'}`);
  const from = one('from');
  const to = one('to');
  if (from && to) parts.push(`from ${from} to ${to}`);
  else if (from) parts.push(`since ${from}`);
  else if (to) parts.push(`until ${to}`);
  const toxic = one('toxic');
  const redacted = one('redacted');
  const marks = [toxic && (toxic === 'true' ? 'toxic' : 'not toxic'), redacted && (redacted === 'true' ? 'redacted' : 'not redacted')].filter(Boolean);
  if (marks.length) parts.push(`marked ${marks.join(' and ')}`);
  const flagged = get('flagged');
  if (flagged.length) {
    const cats = flagged.filter((f) => f !== 'any');
    parts.push(flagged.includes('any') ? 'flagged by moderation' : `flagged for ${or(cats)}`);
  }
  for (const [k, v] of p) {
    const cat = k.startsWith('min_') ? BY_UNDERSCORE.get(k.slice(4)) : undefined;
    if (cat && v.trim()) parts.push(`with ${cat} score ≥ ${v.trim()}`);
  }
  const q = one('q');
  if (q) {
    const role = one('role');
    parts.push(`containing “${q}”${role ? ` in ${role} messages` : ''}`);
  }
  return parts.join(' ');
}

/** The whole sentence: count, noun, clauses. */
export function describe(total: number, p: URLSearchParams): string {
  const rest = describeParams(p);
  return `${fmt(total)} conversation${total === 1 ? '' : 's'}${rest ? ` ${rest}` : ''}`;
}
