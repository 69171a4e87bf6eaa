// Conversation shape: turns per conversation (conversation pass) and message lengths by role
// (message pass, log2 bins of characters).
import type { Bin, ShapeStats } from '../../stats/types';
import { TURN_EDGES, type ConvRow } from './conversation-pass';
import type { MessageRow } from './message-pass';

/** Every turn bucket, zeros included; the last one's hi is the selection's longest + 1. */
export function turnBins(rows: ConvRow[]): Bin[] {
  const all = rows.find((r) => r.set === 'all');
  const last = TURN_EDGES[TURN_EDGES.length - 1]!;
  return TURN_EDGES.map((lo, i) => ({
    lo,
    hi: i + 1 < TURN_EDGES.length ? TURN_EDGES[i + 1]! : Math.max(last + 1, (all?.max_turns ?? 0) + 1),
    count: rows.find((r) => r.set === 'turns' && r.tb === i)?.n ?? 0,
  }));
}

/** Contiguous log2 bins from the shortest to the longest message of each role; [0, 1) holds empty ones. */
export function lengthBins(rows: MessageRow[]): ShapeStats['lengths'] {
  return (['user', 'assistant'] as const).map((role) => {
    const counts = new Map<number, number>();
    for (const r of rows) if (r.k === 'len' && r.role === role) counts.set(r.v, (counts.get(r.v) ?? 0) + r.n);
    if (!counts.size) return { role, bins: [] };
    const vs = [...counts.keys()];
    const bins: Bin[] = [];
    for (let v = Math.min(...vs); v <= Math.max(...vs); v++) {
      bins.push(v < 0 ? { lo: 0, hi: 1, count: counts.get(v) ?? 0 } : { lo: 2 ** v, hi: 2 ** (v + 1), count: counts.get(v) ?? 0 });
    }
    return { role, bins };
  });
}
