// What the moderation panel shows for one message: rows of scores, strongest signal, tones.
import { CATEGORIES, DETOXIFY } from '../dataset/moderation';

export interface ScoreRow {
  name: string;
  score: number | null;
  flagged: boolean;
}
export type Tone = 'flagged' | 'high' | 'medium' | 'low' | 'none';

interface ModerationLike {
  flagged: boolean | null;
  openai: Record<string, { score: number | null; flagged: boolean | null }> | null;
  detoxify: Record<string, number | null> | null;
}

/** The 11 OpenAI categories in a fixed order, or null when the message was not scored. */
export function openaiRows(m: ModerationLike): ScoreRow[] | null {
  if (!m.openai) return null;
  return CATEGORIES.map((c) => ({ name: c, score: m.openai![c]?.score ?? null, flagged: m.openai![c]?.flagged === true }));
}

/** The 7 Detoxify scores, or null when absent (LMSYS, empty messages). */
export function detoxifyRows(m: ModerationLike): ScoreRow[] | null {
  if (!m.detoxify) return null;
  return DETOXIFY.map((d) => ({ name: d, score: m.detoxify![d] ?? null, flagged: false }));
}

/** The row with the highest score (flagged rows first), for the one-line summary. */
export function strongest(rows: readonly ScoreRow[]): ScoreRow | null {
  let best: ScoreRow | null = null;
  for (const r of rows) {
    if (r.score === null) continue;
    if (!best || (r.flagged && !best.flagged) || (r.flagged === best.flagged && r.score > (best.score ?? -1))) best = r;
  }
  return best;
}

export function tone(r: ScoreRow): Tone {
  if (r.flagged) return 'flagged';
  if (r.score === null) return 'none';
  return r.score >= 0.5 ? 'high' : r.score >= 0.1 ? 'medium' : 'low';
}

/** Bar length in percent; tiny non-zero scores keep a visible sliver. */
export function barPercent(score: number | null): number {
  if (score === null || !(score > 0)) return 0;
  return Math.max(2, Math.min(100, Math.round(score * 100)));
}

/** Scores as researchers quote them: 4 decimals, scientific below 0.0001, a dash for missing. */
export function formatScore(score: number | null): string {
  if (score === null || Number.isNaN(score)) return '—';
  if (score !== 0 && Math.abs(score) < 0.0001) return score.toExponential(1);
  return score.toFixed(4);
}
