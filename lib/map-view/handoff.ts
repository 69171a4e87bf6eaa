// How a lasso or box selection on the map is handed to explore. Explore reads filters, not lists
// of conversations, so the link says the selection as a filter: a small selection by its
// conversations' content hashes (exact: the selected ones, and any conversation with the very same
// content), a larger one by the topics that hold most of it.
import type { ViewLinks } from '../urls';

/** The most conversations handed over by content hash: about 5 KB of query string, under the 8 KB that servers and proxies commonly accept. */
export const HASH_HANDOFF_MAX = 100;
/** A larger selection is handed over as at most this many topics… */
const TOPICS_MAX = 20;
/** …enough of them to hold this share of it. */
const TOPICS_SHARE = 0.9;

export interface Handoff {
  href: string;
  by: 'hash' | 'topic';
  /** How many of the selected conversations the link's filter holds. */
  covered: number;
  /** The topics named (by: 'topic'). */
  topics: number;
}

/**
 * `hashes`: every selected conversation's content hash when there are at most HASH_HANDOFF_MAX of
 * them (null where a dataset has none); `byTopic`: the selection's count per level-2 topic id.
 */
export function handoff(
  links: ViewLinks,
  total: number,
  hashes: readonly (string | null)[] | undefined,
  byTopic: ReadonlyMap<string, number>,
): Handoff | undefined {
  if (!total) return undefined;
  if (hashes && hashes.length === total && total <= HASH_HANDOFF_MAX && hashes.every((h) => h !== null)) {
    return { href: links.narrowed('conversation_hash', [...new Set(hashes as string[])]), by: 'hash', covered: total, topics: 0 };
  }
  const ranked = [...byTopic].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const ids: string[] = [];
  let covered = 0;
  for (const [id, n] of ranked) {
    if (ids.length >= TOPICS_MAX || covered >= TOPICS_SHARE * total) break;
    ids.push(id);
    covered += n;
  }
  return { href: links.narrowed('topic', ids), by: 'topic', covered, topics: ids.length };
}
