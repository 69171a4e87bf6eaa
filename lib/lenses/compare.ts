import 'server-only';
// Two selections side by side: each one's total and sentence, paired shares of its languages,
// countries and models with their difference, moderation flag rates with their ratio, turns and
// message lengths and activity over time as shares, and the distinctive terms of each against the
// other. Every number the compare page shows, and the API's JSON and CSV.
import type { Filter } from '../filters/schema';
import { describe } from '../filters/describe';
import { isUnfiltered } from '../filters/where';
import { intervalFor } from '../queries/charts/time';
import { topicLabels } from '../queries/topics';
import { withSelection } from '../queries/selection';
import { session } from '../server/index-db';
import type { Bin, Interval, Ranked } from '../stats/types';
import { rateRatio, shareDifference } from './intervals';
import { selectionStats, unfilteredStats, type SideStats } from './side-stats';
import { dropSides, everything, materialize, retrySwapped, Swapped, totalsOf, type Side } from './sides';
import { contrastOf, type Contrast, type Term } from './terms';

export interface PairedShare {
  value: string | null;
  /** The topic's label, for topics. */
  label?: string;
  a: { count: number; share: number };
  b: { count: number; share: number };
  diff: number;
  lo: number;
  hi: number;
}
export interface FlagRate {
  category: string;
  a: { flagged: number; scored: number; rate: number };
  b: { flagged: number; scored: number; rate: number };
  ratio: number | null;
  lo: number | null;
  hi: number | null;
}
export interface BinShare {
  lo: number;
  hi: number;
  a: number;
  b: number;
}
export interface Comparison {
  a: { total: number; messages: number; sentence: string };
  b: { total: number; messages: number; sentence: string };
  languages: PairedShare[];
  countries: PairedShare[];
  models: PairedShare[];
  topics: PairedShare[];
  datasets: PairedShare[];
  flags: FlagRate[];
  turns: BinShare[];
  lengths: { role: 'user' | 'assistant'; bins: BinShare[] }[];
  time: { interval: string; rows: { bucket: string; a: number; b: number }[] };
  terms: { a: Term[]; b: Term[] };
}

/** Values shown per field, by the larger of their two shares. */
const TOP = 15;

function paired(xa: Ranked[], ta: number, xb: Ranked[], tb: number): PairedShare[] {
  const values = new Map<string | null, { a: number; b: number }>();
  for (const r of xa) values.set(r.value, { a: r.count, b: 0 });
  for (const r of xb) values.set(r.value, { a: values.get(r.value)?.a ?? 0, b: r.count });
  return [...values]
    .map(([value, { a, b }]) => {
      const d = shareDifference(a, ta, b, tb);
      return { value, a: { count: a, share: d.a }, b: { count: b, share: d.b }, diff: d.diff, lo: d.lo, hi: d.hi };
    })
    .sort((p, q) => Math.max(q.a.share, q.b.share) - Math.max(p.a.share, p.b.share) || String(p.value).localeCompare(String(q.value)))
    .slice(0, TOP);
}

function binShares(a: Bin[], b: Bin[]): BinShare[] {
  const sa = a.reduce((s, x) => s + x.count, 0);
  const sb = b.reduce((s, x) => s + x.count, 0);
  const key = (x: Bin) => x.lo;
  const all = new Map<number, BinShare>();
  for (const x of a) all.set(key(x), { lo: x.lo, hi: x.hi, a: sa ? x.count / sa : 0, b: 0 });
  for (const x of b) {
    const e = all.get(key(x)) ?? { lo: x.lo, hi: x.hi, a: 0, b: 0 };
    e.hi = Math.max(e.hi, x.hi);
    e.b = sb ? x.count / sb : 0;
    all.set(key(x), e);
  }
  return [...all.values()].sort((p, q) => p.lo - q.lo);
}

function flags(a: SideStats, b: SideStats): FlagRate[] {
  const of = (s: SideStats) => new Map(s.flags.map((r) => [r.category as string, r]));
  const [ma, mb] = [of(a), of(b)];
  return [...new Set([...ma.keys(), ...mb.keys()])].map((category) => {
    const x = ma.get(category) ?? { flagged: 0, scored: 0 };
    const y = mb.get(category) ?? { flagged: 0, scored: 0 };
    const rate = (r: { flagged: number; scored: number }) => ({
      flagged: r.flagged,
      scored: r.scored,
      rate: r.scored ? r.flagged / r.scored : 0,
    });
    return { category, a: rate(x), b: rate(y), ...rateRatio(x.flagged, x.scored, y.flagged, y.scored) };
  });
}

function timeShares(a: SideStats, b: SideStats): Comparison['time'] {
  const rows = new Map<string, { bucket: string; a: number; b: number }>();
  for (const [s, side] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    const total = s.time.rows.reduce((x, r) => x + r.count, 0);
    for (const r of s.time.rows) {
      const e = rows.get(r.bucket) ?? { bucket: r.bucket, a: 0, b: 0 };
      e[side] = total ? r.count / total : 0;
      rows.set(r.bucket, e);
    }
  }
  return { interval: a.time.interval, rows: [...rows.values()].sort((p, q) => p.bucket.localeCompare(q.bucket)) };
}

/** A promise with its settling functions, for a value one task hands another midway. */
function handOver<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // its taker reports the error, if it gets that far
  return { promise, resolve, reject };
}

/**
 * One side's numbers in the session of its selection, its conversations written as a side first
 * and handed to the terms (undefined: the whole dataset).
 */
async function sideOf(f: Filter, interval: Interval, tables: string[], written: ReturnType<typeof handOver<Side | undefined>>) {
  try {
    if (isUnfiltered(f)) {
      written.resolve(undefined);
      return await unfilteredStats(f, interval);
    }
    return await withSelection(f, async (c, sel) => {
      written.resolve(await materialize(c, sel, tables));
      return selectionStats(c, sel, interval);
    });
  } catch (e) {
    written.reject(e);
    throw e;
  }
}

/**
 * Both sides' numbers and the terms each way, at once: each side's passes in the session of its
 * selection (a search's matches computed once for its numbers and its terms), the terms in a third
 * session as soon as both sides are written.
 */
function measure(a: Filter, b: Filter, interval: Interval, limit: number): Promise<[SideStats, SideStats, Contrast]> {
  return retrySwapped(async () => {
    const tables: string[] = [];
    try {
      const written = [handOver<Side | undefined>(), handOver<Side | undefined>()] as const;
      const sides = [sideOf(a, interval, tables, written[0]), sideOf(b, interval, tables, written[1])];
      const terms = Promise.all(written.map((w) => w.promise)).then(([wa, wb]) =>
        session(async (c, scope) => {
          const [sa, sb] = [wa ?? (await everything(c)), wb ?? (await everything(c))];
          if (sa.scope !== scope || sb.scope !== scope) throw new Swapped();
          return contrastOf(c, sa, sb, (await totalsOf(c)).size, limit, true);
        }),
      );
      // Every task ends before the tables are dropped.
      const settled = await Promise.allSettled([sides[0], sides[1], terms]);
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [SideStats, SideStats, Contrast];
    } finally {
      await dropSides(tables);
    }
  });
}

/** Both sides' comparison; `aParams`/`bParams` the sides' query strings, for their sentences. */
export async function compareSelections(
  a: Filter,
  b: Filter,
  aParams: URLSearchParams,
  bParams: URLSearchParams,
  terms = 25,
): Promise<Comparison> {
  // One interval for both sides: the one their combined date range calls for.
  const from = a.from && b.from ? (a.from < b.from ? a.from : b.from) : null;
  const to = a.to && b.to ? (a.to > b.to ? a.to : b.to) : null;
  const [[sa, sb, t], labels] = await Promise.all([measure(a, b, intervalFor(from, to), terms), topicLabels()]);
  return {
    a: { total: sa.total, messages: sa.messages, sentence: describe(sa.total, aParams) },
    b: { total: sb.total, messages: sb.messages, sentence: describe(sb.total, bParams) },
    languages: paired(sa.languages, sa.total, sb.languages, sb.total),
    countries: paired(sa.countries, sa.total, sb.countries, sb.total),
    models: paired(sa.models, sa.total, sb.models, sb.total),
    topics: paired(sa.topics, sa.total, sb.topics, sb.total).map((r) => ({ ...r, label: labels.get(r.value ?? '') })),
    datasets: paired(sa.datasets, sa.total, sb.datasets, sb.total),
    flags: flags(sa, sb),
    turns: binShares(sa.turns, sb.turns),
    lengths: (['user', 'assistant'] as const).map((role) => ({
      role,
      bins: binShares(sa.lengths.find((l) => l.role === role)?.bins ?? [], sb.lengths.find((l) => l.role === role)?.bins ?? []),
    })),
    time: timeShares(sa, sb),
    terms: { a: t.a, b: t.b },
  };
}

/** The comparison as one CSV table: section, key, then A's and B's numbers and the contrast. */
export function comparisonRows(c: Comparison): { header: string[]; rows: unknown[][] } {
  const rows: unknown[][] = [
    ['total', 'conversations', c.a.total, c.b.total, null, null, null],
    ['total', 'messages', c.a.messages, c.b.messages, null, null, null],
  ];
  for (const f of ['datasets', 'languages', 'countries', 'models', 'topics'] as const) {
    for (const s of c[f]) rows.push([f, s.value, s.a.share, s.b.share, s.diff, s.lo, s.hi]);
  }
  for (const f of c.flags) rows.push(['flag_rate', f.category, f.a.rate, f.b.rate, f.ratio, f.lo, f.hi]);
  for (const t of c.turns) rows.push(['turns', `${t.lo}-${t.hi - 1}`, t.a, t.b, null, null, null]);
  for (const l of c.lengths) for (const t of l.bins) rows.push([`length_${l.role}`, `${t.lo}-${t.hi - 1}`, t.a, t.b, null, null, null]);
  for (const t of c.time.rows) rows.push([`time_${c.time.interval}`, t.bucket, t.a, t.b, null, null, null]);
  for (const t of c.terms.a) rows.push(['terms_a', t.term, t.count, t.total, t.z, null, null]);
  for (const t of c.terms.b) rows.push(['terms_b', t.term, t.total, t.count, -t.z, null, null]);
  return { header: ['section', 'key', 'a', 'b', 'contrast', 'lo', 'hi'], rows };
}
