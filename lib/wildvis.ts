// WildVis's URLs (its explore query string, /embeddings, /embeddings/<language>) translated into
// Wildscope's, so links in papers keep opening the same view (docs/API.md, "WildVis URLs"). Pure:
// the server hands in what the index serves. WildVis reads each of its parameters once (the first
// value); Wildscope's own parameters pass through untouched, so a Wildscope URL is never rewritten.
import type { DatasetKind } from './dataset/schemas';
import { conversationPath } from './urls';

/** What the index serves, as far as WildVis's URLs need it. */
export interface Served {
  /** Each dataset served (its name in WILDSCOPE_DATA and its kind), in configuration order. */
  datasets: readonly { name: string; kind: DatasetKind }[];
  /** The releases served, for people (`WildChat-1M and LMSYS-Chat-1M`). */
  name: string;
  /** Every conversation language the index holds, as stored (`English`). */
  languages: readonly string[];
}

/** WildVis shows 30 results a page. */
export const WILDVIS_PAGE = 30;
/** The last page Wildscope's largest offset (100,000,000) reaches. */
const LAST_PAGE = Math.floor(100_000_000 / WILDVIS_PAGE) + 1;

/** Parameters only WildVis has: one of them makes a query WildVis's. */
const WILDVIS_ONLY = ['contains', 'min_turns', 'page', 'conversation_id', 'search_expansion_limit'] as const;
/** WildVis's `dataset` values and the kinds of index that serve them. */
const DATASETS: Record<string, { kinds: readonly DatasetKind[]; name: string }> = {
  wildchat: { kinds: ['wildchat', 'wildchat-4.8m'], name: 'WildChat' },
  lmsyschat: { kinds: ['lmsys'], name: 'LMSYS-Chat-1M' },
};

/** A 308 to this path, or a notice in place of a view (what the link asked for is not served, or a bad value). */
export type Translation = { to: string } | { notice: string; href: string; action: string };

/** WildVis's dataset value (`wildchat`, `lmsyschat`, any case), unless it is the name of a served dataset (then it is Wildscope's own filter). */
const wildvisDataset = (v: string | null, served?: Served) =>
  v !== null && Object.hasOwn(DATASETS, v.trim().toLowerCase()) && !served?.datasets.some((d) => d.name === v)
    ? v.trim().toLowerCase()
    : undefined;

/** Whether the query might be WildVis's, without asking the index: the server looks further only then. */
export function mayBeWildVis(sp: URLSearchParams): boolean {
  return WILDVIS_ONLY.some((k) => sp.has(k)) || sp.getAll('dataset').some((v) => wildvisDataset(v)) || sp.has('language');
}

/** The stored spelling of a language typed in any case (WildVis title-cased it), or the value as typed. */
export function storedLanguage(value: string, served: Served): string {
  const v = value.trim().toLowerCase();
  return served.languages.find((l) => l.toLowerCase() === v) ?? value;
}

/** Whether this is a WildVis query: a parameter only WildVis has, its `dataset` values, a language in another case. */
export function isWildVis(sp: URLSearchParams, served: Served): boolean {
  if (WILDVIS_ONLY.some((k) => sp.has(k))) return true;
  if (sp.getAll('dataset').some((v) => wildvisDataset(v, served))) return true;
  return sp.getAll('language').some((v) => v.trim() !== '' && storedLanguage(v, served) !== v);
}

/** WildVis's `contains` (an Elasticsearch phrase match) as a Wildscope phrase; its quotes are separators there too. */
export const containsToQ = (text: string) => `"${text.replace(/"/g, ' ').trim()}"`;

type Outcome =
  | { kind: 'view'; params: URLSearchParams }
  | { kind: 'conversation'; id: string }
  | { kind: 'unserved'; dataset: string; params: URLSearchParams }
  | { kind: 'bad'; message: string; params: URLSearchParams };

/**
 * The Wildscope query of a WildVis query. `paging`: WildVis's `page` becomes an offset in its
 * 30-row pages (explore); without it (the map) `page` is dropped.
 */
function translate(sp: URLSearchParams, served: Served, paging: boolean): Outcome {
  const first = (k: string) => {
    const v = sp.get(k)?.trim();
    return v ? v : undefined;
  };
  // A WildVis query's `dataset` is WildVis's, even when a served dataset has the same name.
  const dataset = wildvisDataset(sp.get('dataset'));
  // The served datasets of the kind WildVis's `dataset` names (absent: WildChat, WildVis's default,
  // or everything when no WildChat is served): none, some (a filter on them) or all (no filter needed).
  const ofKind = (name: string) => served.datasets.filter((d) => DATASETS[name]!.kinds.includes(d.kind));
  const chosen = dataset !== undefined ? ofKind(dataset) : ofKind('wildchat').length ? ofKind('wildchat') : served.datasets;
  const narrowed = chosen.length > 0 && chosen.length < served.datasets.length;
  const unserved = chosen.length === 0;
  const lmsysOnly = chosen.length > 0 && chosen.every((d) => d.kind === 'lmsys');
  const contains = first('contains');
  const phrase = contains === undefined ? undefined : containsToQ(contains);
  // One search box: WildVis's phrase joins a Wildscope search in the same link (a repeated q stays repeated, and is reported).
  const joinQ = phrase !== undefined && sp.getAll('q').length === 1;
  const params = new URLSearchParams();
  const done = new Set<string>();
  // Each parameter becomes its Wildscope form in place, so the link reads in the order it was written.
  for (const [k, v] of sp) {
    if ((WILDVIS_ONLY as readonly string[]).includes(k)) {
      if (done.has(k)) continue;
      done.add(k);
      if (k === 'contains' && phrase !== undefined && !joinQ) params.append('q', phrase);
      if (k === 'min_turns' && v.trim()) params.append('turns_min', v.trim());
    } else if (k === 'dataset' && wildvisDataset(v)) {
      if (done.has(k)) continue;
      done.add(k);
      if (narrowed) for (const d of chosen) params.append('dataset', d.name);
    } else if (k === 'q' && joinQ) params.append('q', `${v} ${phrase}`);
    else if (k === 'language') params.append(k, storedLanguage(v, served));
    // WildVis's `toxic` on LMSYS-Chat is "some message flagged by OpenAI moderation"; that index has no toxic flag.
    else if (k === 'toxic' && lmsysOnly && v.trim() === 'true') params.append('flagged', 'any');
    else params.append(k, v);
  }
  if (unserved) return { kind: 'unserved', dataset: dataset!, params };
  // WildVis's links without `dataset` showed WildChat: so do they here, beside other datasets.
  if (dataset === undefined && narrowed) for (const d of chosen) params.append('dataset', d.name);
  const id = first('conversation_id');
  if (id !== undefined) return { kind: 'conversation', id };
  const page = first('page');
  if (paging && page !== undefined) {
    const n = /^\d{1,9}$/.test(page) ? Number(page) : NaN;
    if (!(n >= 1 && n <= LAST_PAGE)) {
      const message = `page (WildVis's pages of ${WILDVIS_PAGE} results) must be a whole number from 1 to ${LAST_PAGE}, got "${page.slice(0, 40)}"`;
      return { kind: 'bad', message, params };
    }
    if (n > 1) params.append('offset', String(WILDVIS_PAGE * (n - 1)));
    params.append('limit', String(WILDVIS_PAGE));
  }
  return { kind: 'view', params };
}

const at = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

/** Explore (`/`): undefined for Wildscope's own queries, else where WildVis's query leads. */
export function wildvisExplore(sp: URLSearchParams, served: Served): Translation | undefined {
  if (!isWildVis(sp, served)) return undefined;
  const t = translate(sp, served, true);
  switch (t.kind) {
    case 'view':
      return { to: at('/', t.params) };
    case 'conversation':
      return { to: conversationPath(t.id) };
    case 'unserved':
      return {
        notice: `This WildVis link asks for ${DATASETS[t.dataset]!.name} conversations. This server serves ${served.name} only, so none are shown.`,
        href: at('/', t.params),
        action: `The same filters on ${served.name}`,
      };
    case 'bad':
      return { notice: t.message, href: at('/', t.params), action: 'The same view without it' };
  }
}

/**
 * WildVis's embedding map (`/embeddings`, `/embeddings/<language>`, `all` for every language): the
 * topic map with the same filters, a `language` in the query winning over the path's as in WildVis.
 * What explore must explain (a dataset not served) goes there.
 */
export function wildvisMap(pathLanguage: string | undefined, sp: URLSearchParams, served: Served): string {
  const asked = new URLSearchParams(sp);
  const lang = pathLanguage?.trim();
  if (lang && lang.toLowerCase() !== 'all' && !asked.getAll('language').some((v) => v.trim())) {
    asked.delete('language');
    asked.append('language', lang);
  }
  const t = translate(asked, served, false);
  if (t.kind === 'conversation') return conversationPath(t.id);
  if (t.kind === 'unserved') return at('/', asked);
  return at('/map', t.params);
}
