// The benchmark's request mix: fixed classes whose parameters are drawn, with a seeded generator,
// from the dataset itself (facet values from the API, words from a sample of the Parquet text).
import { Database, literal } from '../db/duckdb';
import { seededRandom } from '../random';
import { tokens } from '../search/tokenize';

export interface Probe {
  cls: string;
  urls: string[];
  baseline?: BaselineQuestion;
}
export interface BaselineQuestion {
  where?: string;
  words?: string[];
  phrase?: string[];
  offset?: number;
  charts?: boolean;
}

/** The benchmark's seeded generator: the project's one (lib/random.ts). */
export const rng = seededRandom;

/** A language's words by document frequency: the three most frequent, three from the top 5%, three rare. */
export type Bands = [frequent: string[], middle: string[], rare: string[]];
export interface Words {
  en: Bands;
  zh: Bands;
  ru: Bands;
  phrases: string[][];
}

/** Words by document frequency in a sample of messages: [frequent, middle, rare] per language. */
export async function sampleWords(glob: string, seed: number): Promise<Words> {
  const db = await Database.open(':memory:', { threads: 2 });
  const c = await db.connect();
  const rows = await c.all<{ language: string; content: string }>(
    `SELECT language, m.content FROM (SELECT language, unnest(conversation) m FROM read_parquet(${literal(glob)})
       USING SAMPLE 3000 ROWS (reservoir, ${seed})) WHERE m.role = 'user' AND length(m.content) BETWEEN 20 AND 4000`,
  );
  c.close();
  db.close();
  const df = new Map<string, Map<string, number>>();
  const phrases: string[][] = [];
  for (const r of rows) {
    const lang = r.language === 'Chinese' ? 'zh' : r.language === 'Russian' ? 'ru' : r.language === 'English' ? 'en' : '';
    if (!lang) continue;
    const m = df.get(lang) ?? new Map<string, number>();
    df.set(lang, m);
    const ts = tokens(r.content);
    const seen = new Set<string>();
    for (const t of ts) {
      const words = t.cjk ? (t.text.length >= 2 ? [t.text.slice(0, 2)] : []) : /^[\p{L}]{2,}$/u.test(t.text) ? [t.text] : [];
      for (const w of words)
        if (!seen.has(w)) {
          seen.add(w);
          m.set(w, (m.get(w) ?? 0) + 1);
        }
    }
    if (lang === 'en' && phrases.length < 20) {
      const ws = ts.filter((t) => !t.cjk && /^\p{L}{4,}$/u.test(t.text)).map((t) => t.text);
      if (ws.length >= 3) phrases.push(ws.slice(0, 2 + (phrases.length % 2)));
    }
  }
  const bands = (lang: string): Bands => {
    const ranked = [...(df.get(lang) ?? new Map()).entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    const n = ranked.length;
    return [ranked.slice(0, 3), ranked.slice(Math.floor(n * 0.05), Math.floor(n * 0.05) + 3), ranked.slice(n - 30, n - 27)];
  };
  return { en: bands('en'), zh: bands('zh'), ru: bands('ru'), phrases };
}

interface Facets {
  [field: string]: { value: string | boolean | null; count: number }[];
}

const enc = (o: Record<string, string>) => new URLSearchParams(o).toString();

export function buildMix(f: Facets, words: Words, ids: string[], tids: string[], total: number, seed: number): Probe[] {
  const r = rng(seed);
  // The bench's generated dataset has every facet, each with values: neither is ever missing.
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const top = (k: string, n = 5) =>
    f[k]!.filter((v) => v.value !== null)
      .slice(0, n)
      .map((v) => String(v.value));
  const filterSets: Record<string, string>[] = [];
  for (let i = 0; i < 10; i++) {
    const p: Record<string, string> = {};
    const n = i % 5;
    if (n >= 1) p.language = pick(top('language'));
    if (n >= 2) p.country = pick(top('country', 8));
    if (n >= 3) p.model = pick(top('model'));
    if (n >= 4) p.turns_min = String(1 + Math.floor(r() * 3));
    filterSets.push(p);
  }
  const view = (p: Record<string, string>) => [`/api/conversations?${enc(p)}`, `/api/facets?${enc(p)}`];
  const where = (p: Record<string, string>) =>
    Object.entries(p)
      .map(([k, v]) => (k === 'turns_min' ? `turn >= ${Number(v)}` : `${k} = ${literal(v)}`))
      .join(' AND ') || 'true';
  const probes: Probe[] = filterSets.map((p) => ({ cls: 'filters+facets+page', urls: view(p), baseline: { where: where(p) } }));
  probes.push(...filterSets.slice(0, 5).map((p) => ({ cls: 'facets', urls: [`/api/facets?${enc(p)}`] })));
  const search = (cls: string, ws: string[], extra: Record<string, string> = {}) =>
    ws.filter(Boolean).forEach((w, i) => {
      const q = i % 3 === 2 && ws.length > 1 ? `${w} ${ws[0]}` : w;
      probes.push({ cls, urls: view({ q, ...extra }), baseline: { words: q.split(' ') } });
    });
  search('search en frequent', words.en[0]);
  search('search en middle', words.en[1]);
  search('search en rare', words.en[2]);
  search('search zh', [...words.zh[0].slice(0, 2), ...words.zh[2].slice(0, 1)]);
  search('search ru', [...words.ru[0].slice(0, 2), ...words.ru[2].slice(0, 1)]);
  search('search user-scoped', words.en[1].slice(0, 2), { role: 'user' });
  for (const ph of words.phrases.slice(0, 6))
    probes.push({ cls: 'phrase', urls: view({ q: `"${ph.join(' ')}"` }), baseline: { phrase: ph } });
  // Every aggregate behind the charts for one filter state, some states with a search.
  for (const p of filterSets.slice(0, 5))
    probes.push({ cls: 'chart aggregates', urls: [`/api/stats?${enc(p)}`], baseline: { where: where(p), charts: true } });
  for (const q of [words.en[0][0], words.en[1][0], words.en[2][0]].filter((w): w is string => Boolean(w))) {
    probes.push({ cls: 'chart aggregates', urls: [`/api/stats?${enc({ q })}`], baseline: { words: [q], charts: true } });
  }
  for (let i = 0; i < 5; i++) {
    const offset = Math.floor(r() * Math.max(1, total - 50));
    probes.push({ cls: 'deep page', urls: [`/api/conversations?${enc({ offset: String(offset) })}`], baseline: { offset } });
  }
  for (const id of ids.slice(0, 20)) probes.push({ cls: 'conversation page', urls: [`/c/${id}`] });
  for (const t of tids.slice(0, 20)) probes.push({ cls: 'turn redirect', urls: [`/t/${t}`] });
  for (const p of filterSets.slice(0, 5)) probes.push({ cls: 'explore page html', urls: [`/?${enc(p)}`] });
  // The topic map: lighting a filter's matches (facet values, then searches), and the points once.
  for (const p of filterSets.slice(0, 10)) probes.push({ cls: 'map matches', urls: [`/api/map/matches?${enc(p)}`] });
  for (const q of [words.en[0][0], words.en[2][0], words.zh[0][0]].filter((w): w is string => Boolean(w)))
    probes.push({ cls: 'map matches', urls: [`/api/map/matches?${enc({ q })}`] });
  probes.push({ cls: 'map points', urls: ['/api/map/points'] });
  // Distinctive terms of filter states (some with a search, one against another state), and comparisons.
  for (const p of filterSets.slice(1, 5)) probes.push({ cls: 'distinctive terms', urls: [`/api/terms?${enc({ ...p, limit: '20' })}`] });
  for (const q of [words.en[0][0], words.en[1][0]].filter((w): w is string => Boolean(w)))
    probes.push({ cls: 'distinctive terms', urls: [`/api/terms?${enc({ q, limit: '20' })}`] });
  probes.push({ cls: 'distinctive terms', urls: [`/api/terms?${enc({ ...filterSets[1]!, vs: enc(filterSets[2]!) })}`] });
  for (let i = 1; i + 1 < 5; i++)
    probes.push({ cls: 'compare page', urls: [`/compare?${enc({ a: enc(filterSets[i]!), b: enc(filterSets[i + 1]!) })}`] });
  return probes;
}

/** With two datasets served (`--lmsys`), the views of each one alone, a word within each, and the charts split by dataset. */
export function datasetProbes(words: Words): Probe[] {
  const probes: Probe[] = [];
  const word = words.en[1][0];
  for (const dataset of ['wildchat', 'lmsys']) {
    probes.push({ cls: 'dataset filter', urls: [`/api/conversations?${enc({ dataset })}`, `/api/facets?${enc({ dataset })}`] });
    if (word)
      probes.push({
        cls: 'dataset filter',
        urls: [`/api/conversations?${enc({ dataset, q: word })}`, `/api/facets?${enc({ dataset, q: word })}`],
      });
    probes.push({ cls: 'chart aggregates', urls: [`/api/stats?${enc({ dataset })}`] });
  }
  probes.push({ cls: 'chart aggregates', urls: [`/api/stats?${enc({ split: 'dataset', stack: 'dataset' })}`] });
  return probes;
}
