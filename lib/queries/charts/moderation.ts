// Moderation chart data from the message pass: per OpenAI category and group, messages scored and
// flagged and a log-scale score histogram; Detoxify histograms when the dataset has the scores.
import { CATEGORIES, DETOXIFY, underscored } from '../../dataset/moderation';
import type { Bin, ModerationStats, Split } from '../../stats/types';
import { DETOX_BINS, detoxEdge, MOD_BINS, modEdge } from '../../stats/bins';
import type { MessageRow } from './message-pass';

export function moderation(rows: MessageRow[], split: Split | null, groups: string[]): ModerationStats {
  const byKey = new Map<string, number[]>();
  const add = (k: string, group: string, v: number, n: number, size: number) => {
    const key = `${k}\u0000${group}`;
    const arr = byKey.get(key) ?? new Array<number>(size).fill(0);
    byKey.set(key, arr);
    arr[v] = (arr[v] ?? 0) + n;
  };
  for (const r of rows) {
    const group = split ? r.grp : 'all';
    if (group === null || !groups.includes(group)) continue;
    if (r.k.startsWith('o_')) add(r.k, group, r.v, r.n, MOD_BINS * 2);
    else if (r.k.startsWith('d_')) add(r.k, group, r.v, r.n, DETOX_BINS);
  }
  const out: ModerationStats = { split, groups, categories: [], histograms: [], detoxify: [] };
  for (const category of CATEGORIES) {
    for (const group of groups) {
      const arr = byKey.get(`o_${underscored(category)}\u0000${group}`) ?? new Array<number>(MOD_BINS * 2).fill(0);
      const bins: Bin[] = Array.from({ length: MOD_BINS }, (_, i) => ({
        lo: modEdge(i),
        hi: modEdge(i + 1),
        count: arr[2 * i]! + arr[2 * i + 1]!,
      }));
      out.categories.push({
        category,
        group,
        scored: bins.reduce((s, b) => s + b.count, 0),
        flagged: arr.reduce((s, n, i) => s + (i % 2 ? n : 0), 0),
      });
      out.histograms.push({ category, group, bins });
    }
  }
  const anyDetox = [...byKey.keys()].some((k) => k.startsWith('d_'));
  if (anyDetox) {
    for (const key of DETOXIFY) {
      for (const group of groups) {
        const arr = byKey.get(`d_${key}\u0000${group}`) ?? new Array<number>(DETOX_BINS).fill(0);
        const bins = arr.map((count, i) => ({ lo: detoxEdge(i), hi: detoxEdge(i + 1), count }));
        out.detoxify.push({ key, group, scored: arr.reduce((s, n) => s + n, 0), bins });
      }
    }
  }
  return out;
}
