// Word pairs: a phrase made only of frequent words ("of the", "with with") has as candidates
// nearly every conversation, and confirming it means reading half of all text, for seconds at
// WildChat scale. So the index also holds a term for each pair of frequent words that follow one
// another in a message, and a phrase's confirmation starts from the conversations holding its
// pairs. Only pairs of listed words are indexed: every pair would multiply the postings.
import { forEachTerm, hashString, termId, type Token } from './tokenize';

/** Function words of the languages most present in chatbot logs (English, Russian, Spanish, French, German, Portuguese). */
export const FREQUENT_WORDS: readonly string[] = [
  ...`a about after all also am an and any are as at be because been before being but by can could did do does
  for from had has have he her here him his how i if in into is it its just like may me more most my no not
  now of on one only or other our out over she should so some such than that the their them then there these
  they this those through to too up us very was we were what when where which while who why will with would
  you your yours`.split(/\s+/),
  ...`и в не на что я с он как это по но из у за то же от так все она к да ты мне мы вы бы есть для`.split(/\s+/),
  ...`de la que el en los del se las por un una con para es al lo como más pero sus le ya o este`.split(/\s+/),
  ...`le les des et est pas une dans qui pour sur au avec ce il je ne nous vous mais ou du`.split(/\s+/),
  ...`der die und den das ist zu von mit sich des auf für im dem nicht ein eine als auch es`.split(/\s+/),
  ...`não um uma os em no na com uma mais ao dos as`.split(/\s+/),
].filter((w, i, all) => w && all.indexOf(w) === i);

const FREQUENT = new Set(FREQUENT_WORDS);

export const isFrequentWord = (w: string): boolean => FREQUENT.has(w);

/** The term string of two listed words that follow one another: a space never occurs inside a word's term. */
export const pairTerm = (a: string, b: string): string => `${a} ${b}`;

/**
 * Recognizes listed words by their term hashes as the tokenizer emits them, and gives the hash
 * of each pair. For the ingest's tokenizer threads: a small open-addressing table, since a Map
 * lookup per word of every message costs more.
 */
export class PairTable {
  private readonly size: number;
  private readonly keyLo: Uint32Array;
  private readonly keyHi: Uint32Array;
  private readonly slot: Int32Array; // word number + 1, 0 for empty
  private readonly pairHi: Uint32Array;
  private readonly pairLo: Uint32Array;
  private readonly n = FREQUENT_WORDS.length;

  constructor() {
    this.size = 1 << Math.ceil(Math.log2(this.n * 4));
    this.keyLo = new Uint32Array(this.size);
    this.keyHi = new Uint32Array(this.size);
    this.slot = new Int32Array(this.size);
    FREQUENT_WORDS.forEach((w, k) => {
      const [hi, lo] = hashString(w);
      let i = lo & (this.size - 1);
      while (this.slot[i]) i = (i + 1) & (this.size - 1);
      this.keyLo[i] = lo;
      this.keyHi[i] = hi;
      this.slot[i] = k + 1;
    });
    this.pairHi = new Uint32Array(this.n * this.n);
    this.pairLo = new Uint32Array(this.n * this.n);
    for (let a = 0; a < this.n; a++) {
      for (let b = 0; b < this.n; b++) {
        const [hi, lo] = hashString(pairTerm(FREQUENT_WORDS[a]!, FREQUENT_WORDS[b]!));
        this.pairHi[a * this.n + b] = hi;
        this.pairLo[a * this.n + b] = lo;
      }
    }
  }

  /** The word's number in FREQUENT_WORDS, or -1. */
  wordOf(hi: number, lo: number): number {
    let i = lo & (this.size - 1);
    while (this.slot[i]) {
      if (this.keyLo[i] === lo && this.keyHi[i] === hi) return this.slot[i]! - 1;
      i = (i + 1) & (this.size - 1);
    }
    return -1;
  }

  /** Emits the pair term of words `a` then `b` (numbers from wordOf). */
  emitPair(a: number, b: number, emit: (hi: number, lo: number) => void): void {
    const k = a * this.n + b;
    emit(this.pairHi[k]!, this.pairLo[k]!);
  }
}

/** Calls `emit` for every term of one message's text (forEachTerm's) and for its pairs of frequent words. */
export function forEachTermAndPair(table: PairTable, text: string, emit: (hi: number, lo: number) => void): void {
  let previous = -1; // the previous word, as a frequent word's number, or -1
  forEachTerm(text, (hi, lo, word) => {
    emit(hi, lo);
    if (!word) return;
    const w = table.wordOf(hi, lo);
    if (w >= 0 && previous >= 0) table.emitPair(previous, w, emit);
    previous = w;
  });
}

/** The pair term ids of a phrase's tokens: listed words next to each other, neither of them CJK. */
export function phrasePairTerms(ts: Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    const [a, b] = [ts[i]!, ts[i + 1]!];
    if (!a.cjk && !b.cjk && isFrequentWord(a.text) && isFrequentWord(b.text)) out.push(termId(pairTerm(a.text, b.text)));
  }
  return out;
}
