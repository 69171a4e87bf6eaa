// From a first message to a sparse TF-IDF row. The vocabulary, its weights and the stop words are
// fitted once on the sample, so every conversation is weighed the same way, sample or not.
import { STOP_MIN_MESSAGES, STOP_SHARE, isStopToken } from './stopwords';
import type { SparseRow } from './svd';
import { forEachMapToken } from './tokens';

/** A sampled message: its distinct tokens and its language. */
export interface FitDocument {
  tokens: string[];
  language: string;
}

export class Featurizer {
  private constructor(
    readonly features: Map<string, number>,
    private readonly idf: Float32Array,
    readonly stop: ReadonlySet<string>,
  ) {}

  /** Fits on distinct tokens per sampled message; a token must be in two of them to be a feature. */
  static fit(docs: FitDocument[]): Featurizer {
    const df = new Map<string, number>();
    const byLanguage = new Map<string, { n: number; df: Map<string, number> }>();
    for (const d of docs) {
      let lang = byLanguage.get(d.language);
      if (!lang) byLanguage.set(d.language, (lang = { n: 0, df: new Map() }));
      lang.n++;
      for (const t of d.tokens) {
        df.set(t, (df.get(t) ?? 0) + 1);
        lang.df.set(t, (lang.df.get(t) ?? 0) + 1);
      }
    }
    const stop = new Set<string>();
    for (const { n, df: ldf } of byLanguage.values())
      if (n >= STOP_MIN_MESSAGES) for (const [t, c] of ldf) if (c > STOP_SHARE * n) stop.add(t);
    const features = new Map<string, number>();
    const weights: number[] = [];
    const n = docs.length;
    for (const [t, c] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c < 2 || stop.has(t) || isStopToken(t)) continue;
      features.set(t, features.size);
      weights.push(Math.log((1 + n) / (1 + c)) + 1);
    }
    return new Featurizer(features, Float32Array.from(weights), stop);
  }

  /** Whether a token carries meaning for the map and its labels. */
  meaningful(t: string): boolean {
    return !this.stop.has(t) && !isStopToken(t);
  }

  /** The message's sublinear TF-IDF row, unit length; empty when none of its tokens is a feature. */
  row(text: string): SparseRow {
    const counts = new Map<number, number>();
    forEachMapToken(text, (t) => {
      const f = this.features.get(t);
      if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
    });
    const index = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
    const value = Float32Array.from(index, (f) => (1 + Math.log(counts.get(f)!)) * this.idf[f]!);
    let norm = 0;
    for (const v of value) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < value.length; i++) value[i]! /= norm;
    return { index, value };
  }
}

/** Distinct tokens of a text, in first-seen order. */
export function distinctTokens(text: string): string[] {
  const seen = new Set<string>();
  forEachMapToken(text, (t) => seen.add(t));
  return [...seen];
}
