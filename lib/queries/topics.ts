import 'server-only';
// The topics of the map (map/build.ts) as views name them: labels for the facet, the chips and
// the sentence, and the list the map page draws. Read once per opened index.
import type { Connection } from '../db/duckdb';
import type { ValueNames } from '../filters/describe';
import { currentScope, session } from '../server/index-db';
import { cachedForScope, cachedPerIndex } from './cache';

export interface MapTopic {
  id: string;
  parent: string | null;
  level: 1 | 2;
  num: number | null;
  label: string;
  terms: string[];
  count: number;
  x: number;
  y: number;
  exemplars: string[];
}

async function readTopics(c: Connection): Promise<MapTopic[]> {
  const rows = await c.all<MapTopic>(
    'SELECT id, parent, level::INTEGER AS level, num::INTEGER AS num, label, terms, count::INTEGER AS count, x, y, exemplars FROM topics ORDER BY level, count DESC, id',
  );
  return rows.map((r) => ({ ...r, level: Number(r.level) as 1 | 2, num: r.num === null ? null : Number(r.num), count: Number(r.count) }));
}

/** Every topic, broad ones first, each level by size, on a connection already held. */
export const topicsOn = (c: Connection): Promise<MapTopic[]> => cachedPerIndex(c, 'map|topics', () => readTopics(c));

/** Every topic of the index in place. */
export async function mapTopics(): Promise<MapTopic[]> {
  return cachedForScope(await currentScope(), 'map|topics', () => session(readTopics));
}

/** Each topic's label by its id, both levels. */
export async function topicLabels(): Promise<Map<string, string>> {
  return new Map((await mapTopics()).map((t) => [t.id, t.label]));
}

/** Names of the topics the query string filters on, for its sentence and chips; none when it has no topic. */
export async function topicNames(p: URLSearchParams): Promise<ValueNames> {
  if (!p.has('topic') && !p.has('not_topic')) return {};
  return { topic: await topicLabels() };
}

/** Facet counts whose topic values carry their labels, as the API answers them. */
export async function labelTopicFacet<T extends { topic: { value: string | boolean | null; count: number }[] }>(
  facets: T,
): Promise<Omit<T, 'topic'> & { topic: { value: string | null; label: string | null; count: number }[] }> {
  const labels = await topicLabels();
  return {
    ...facets,
    topic: facets.topic.map(({ value, count }) => ({
      value: value === null ? null : String(value),
      label: value === null ? null : (labels.get(String(value)) ?? null),
      count,
    })),
  };
}
