// The terms of a conversation's text as the keyword index holds them (search/tokenize.ts, pairs.ts),
// with the letters people wrote: for the vocabulary's surface forms at ingest and for the terms of
// a few conversations tokenized at query time.
import { FREQUENT_WORDS, isFrequentWord, pairTerm } from '../search/pairs';
import { hashString, tokens } from '../search/tokenize';

/** A term's id as the postings store it (UBIGINT: the hash's high half, then its low half). */
export function termKey(lower: string): bigint {
  const [hi, lo] = hashString(lower);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * Calls `emit(lower, surface)` for every term of one message: each word, each unigram and bigram
 * of a run without spaces, each pair of frequent words that follow one another.
 */
export function forEachSurface(text: string, emit: (lower: string, surface: string) => void): void {
  let previous: string | undefined;
  for (const t of tokens(text, true)) {
    if (t.cjk) {
      // Runs without spaces have no case: unigrams and bigrams as the tokenizer makes them.
      for (let p = 0; p < t.text.length; p++) {
        emit(t.text[p]!, t.text[p]!);
        if (p + 1 < t.text.length) emit(t.text.slice(p, p + 2), t.text.slice(p, p + 2));
      }
      continue;
    }
    const lower = t.text.toLowerCase();
    emit(lower, t.text);
    const frequent = isFrequentWord(lower) ? lower : undefined;
    if (frequent && previous) emit(pairTerm(previous, frequent), pairTerm(previous, frequent));
    previous = frequent;
  }
}

/** Words that say nothing about a subject, beyond the pair table's function words. */
const MORE_STOP = `i'm im it's dont don't can't cannot let make get got use using used want need know think also
  please thank thanks hello hi yes ok okay sure well much many way new good like one two three first
  write answer question text following give provide example will would could should shall might must
  here there every each both either neither same own than then them they its etc e g i e vs
  ни но тебе меня мне его её ее их они оно этот эта эти был была были быть будет может нужно
  только вот было еще ещё нет когда ну теперь ему ли или уже даже если до опять вдруг уж вам вас него ведь там себя
  тоже очень где кто чем чтобы при без под над после через просто сейчас потом здесь всё всех всего
  también esto eso esta ese hay muy sin sobre entre cuando donde quien yo tu su mi me te nos les ha han
  fue son está están ser hacer todo todos otro otra así bien solo
  cette ces son sa ses leur été être avoir fait faire comme très plus par sont ils elle elles aux tout tous
  peut même deux sans aussi avant bien autres autre on mon ma mes ton ta tes notre votre été était sont où donc
  aber oder wenn wie was wird werden kann sind hat haben noch nur schon ich du er sie wir ihr man bei nach aus
  um wir uns mir dir hier dann denn doch sehr`.split(/\s+/);
const STOP = new Set([...FREQUENT_WORDS, ...MORE_STOP.filter(Boolean)]);

/**
 * Whether a term is left out of distinctive terms: function words and their pairs, numbers,
 * single letters, and single characters of scripts without spaces (their bigrams stay).
 */
export function isStopTerm(lower: string): boolean {
  if (lower.includes(' ')) return true;
  if (STOP.has(lower)) return true;
  if (/^[\p{N}_]+$/u.test(lower)) return true;
  return [...lower].length < 2;
}
