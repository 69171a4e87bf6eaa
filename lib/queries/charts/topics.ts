// Topic shares: the broad topics ranked, and with a split, each top value's conversations by topic.
import type { TopicSplit, TopicStats } from '../../stats/types';
import type { ConvRow } from './conversation-pass';
import { byCount, ranked } from './ranked';

export const TOPIC_SPLIT_TOP = 6;

export function topicStats(rows: ConvRow[], split: TopicSplit | null, labels: ReadonlyMap<string, string>): TopicStats {
  const topics = rows
    .filter((r) => r.set === 'topic')
    .map((r) => ({ value: r.topic, label: r.topic === null ? null : (labels.get(r.topic) ?? null), count: r.n, flagged: r.flagged }))
    .sort(byCount);
  if (!split) return { split: null, topics, groups: [], cells: [] };
  const groups = ranked(rows, split, split)
    .filter((v) => v.value !== null)
    .slice(0, TOPIC_SPLIT_TOP)
    .map((v) => ({ value: v.value!, count: v.count }));
  const groupAt = new Map(groups.map((g, i) => [g.value, i]));
  const topicAt = new Map(topics.map((t, i) => [t.value, i]));
  const cells = rows
    .filter((r) => r.set === 'topic_split' && r.split !== null && groupAt.has(r.split))
    .map((r) => ({ group: r.split!, topic: r.topic, count: r.n }))
    .sort((a, b) => groupAt.get(a.group)! - groupAt.get(b.group)! || (topicAt.get(a.topic) ?? 0) - (topicAt.get(b.topic) ?? 0));
  return { split, topics, groups, cells };
}
