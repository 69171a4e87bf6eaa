// Labels from class-based TF-IDF (as BERTopic's c-TF-IDF): the words and word pairs a topic's
// messages hold far more often than the rest, chosen so that no two say the same thing.

/** Terms kept per topic; the label is the first LABEL_TERMS of them. */
export const TOPIC_TERMS = 8;
const LABEL_TERMS = 3;
/** A term must be in this share of a topic's sampled messages (and in two of them) to describe it. */
const MIN_SHARE = 0.03;

const isUnspaced = (t: string) => /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(t);

/**
 * The label terms of a message: its meaningful tokens and the pairs of adjacent meaningful words
 * ("imagine prompt"), each once.
 */
export function labelTerms(tokens: string[], meaningful: (t: string) => boolean): string[] {
  const out = new Set<string>();
  let previous: string | undefined;
  for (const t of tokens) {
    const keep = meaningful(t);
    if (keep) out.add(t);
    if (keep && !isUnspaced(t) && previous !== undefined) out.add(`${previous} ${t}`);
    previous = keep && !isUnspaced(t) ? t : undefined;
  }
  return [...out];
}

/** Whether `t` repeats what the chosen terms already say. */
function repeats(t: string, chosen: string[]): boolean {
  if (isUnspaced(t)) return chosen.some((c) => isUnspaced(c) && Array.from(t).some((ch) => c.includes(ch)));
  const words = t.split(' ');
  return chosen.some((c) => {
    const cw = c.split(' ');
    return words.every((w) => cw.includes(w));
  });
}

/**
 * The distinctive terms of each of `k` classes, best first. `docs` holds each sampled message's
 * label terms, `classOf` its class.
 */
export function distinctiveTerms(docs: string[][], classOf: ArrayLike<number>, k: number): string[][] {
  const n = docs.length;
  const df = new Map<string, number>();
  const byClass = Array.from({ length: k }, () => new Map<string, number>());
  const sizes = new Array<number>(k).fill(0);
  docs.forEach((terms, i) => {
    const c = classOf[i]!;
    sizes[c]!++;
    const m = byClass[c]!;
    for (const t of terms) {
      df.set(t, (df.get(t) ?? 0) + 1);
      m.set(t, (m.get(t) ?? 0) + 1);
    }
  });
  return byClass.map((m, c) => {
    const size = sizes[c]!;
    const floor = Math.max(2, MIN_SHARE * size);
    const scored: [string, number][] = [];
    for (const [t, count] of m) {
      if (count < floor) continue;
      const pair = t.includes(' ') ? 1.15 : 1;
      scored.push([t, pair * (count / size) * Math.log(1 + n / df.get(t)!)]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const chosen: string[] = [];
    for (const [t] of scored) {
      if (chosen.length >= TOPIC_TERMS) break;
      if (repeats(t, chosen)) continue;
      // A pair says more than the word of it chosen before: it takes the word's place.
      if (t.includes(' ')) {
        const words = t.split(' ');
        const at = chosen.findIndex((c) => !c.includes(' ') && words.includes(c));
        if (at >= 0) chosen.splice(at, 1);
      }
      chosen.push(t);
    }
    return chosen;
  });
}

export const labelOf = (terms: string[]) => terms.slice(0, LABEL_TERMS).join(' · ');
