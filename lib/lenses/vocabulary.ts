// The vocabulary of distinctive terms, built at ingest from the postings and the text store:
//   lens_vocab (id, term, df, form, stop): every term in at least MIN_DF conversations, ids in
//     order of df (largest first); `form` its most common spelling in the sampled text, NULL when
//     the sample missed it (then found at query time, lenses/forms.ts); `stop` a function word,
//     number or single character (words.ts), known only of terms with a form;
//   lens_docs (conv, n): how many terms (any, as the postings count them) each conversation holds:
//     a selection's size in the log-odds model (lenses/log-odds.ts), whose vocabulary is every term;
//   lens_sample (conv, id): the vocabulary terms of every SAMPLE_EVERY-th conversation, sorted by
//     conversation: where candidate terms of a large selection are counted before the exact count;
//   lens_meta (sample_every): the sample's stride.
// Presence of a term in a conversation is the postings (sorted by term) themselves.
import { rmSync, writeFileSync } from 'node:fs';
import { literal, UBIGINT, UINTEGER, type Connection } from '../db/duckdb';
import { TextStore } from '../text/store';
import { forEachSurface, isStopTerm, termKey } from './words';

/** Terms in fewer conversations are not in the vocabulary. */
export const MIN_DF = 5;
/** Message text tokenized at ingest for surface forms and the sample, at most (bytes, about). */
const SAMPLE_TEXT_BYTES = 48e6;

function grow<T extends Uint32Array | BigUint64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

export interface VocabularyStats {
  terms: number;
  sampleEvery: number;
  sampled: number;
  seconds: number;
}

/**
 * Builds the lens tables on `conn` (the index being built, with `postings` and `terms`), reading
 * the text of sampled conversations from the finished store at `textPath`; `scratch` names a
 * temporary file it may write and removes.
 */
export async function buildVocabulary(
  conn: Connection,
  o: { textPath: string; textBytes: number; conversations: number; scratch: string },
): Promise<VocabularyStats> {
  const started = Date.now();
  const every = Math.max(1, Math.ceil(o.textBytes / SAMPLE_TEXT_BYTES));
  const store = TextStore.open(o.textPath);
  const forms = new Map<string, number>(); // surface form -> occurrences in the sample
  let convCol = new Uint32Array(1 << 16);
  let termCol = new BigUint64Array(1 << 16);
  let n = 0;
  const keys = new Map<string, bigint>();
  let sampled = 0;
  try {
    for (let conv = 0; conv < o.conversations; conv += every) {
      sampled++;
      const seen = new Set<string>();
      for (const m of store.read(conv)) {
        forEachSurface(m.text, (lower, surface) => {
          forms.set(surface, (forms.get(surface) ?? 0) + 1);
          seen.add(lower);
        });
      }
      for (const lower of seen) {
        let k = keys.get(lower);
        if (k === undefined) keys.set(lower, (k = termKey(lower)));
        if (n === convCol.length) {
          [convCol, termCol] = [grow(convCol, new Uint32Array(n * 2)), grow(termCol, new BigUint64Array(n * 2))];
        }
        convCol[n] = conv;
        termCol[n++] = k;
      }
    }
  } finally {
    store.close();
  }

  const lines: string[] = [];
  for (const [surface, n] of forms) {
    const lower = surface.toLowerCase();
    const key = keys.get(lower) ?? termKey(lower);
    lines.push(`${key}\t${surface}\t${n}\t${isStopTerm(lower) ? 1 : 0}`);
  }
  writeFileSync(o.scratch, lines.join('\n') + '\n');
  try {
    await conn.run(`CREATE TEMP TABLE lens_forms AS SELECT * FROM read_csv(${literal(o.scratch)}, delim = '\t', quote = '', escape = '',
      header = false, columns = {'term': 'UBIGINT', 'form': 'VARCHAR', 'n': 'UBIGINT', 'stop': 'BOOLEAN'})`);
  } finally {
    rmSync(o.scratch, { force: true });
  }
  await conn.run(`CREATE TABLE lens_vocab AS
    SELECT (row_number() OVER (ORDER BY t.df DESC, t.term))::UINTEGER AS id, t.term, t.df, f.form, coalesce(f.stop, false) AS stop
    FROM terms t LEFT JOIN (SELECT term, arg_max(form, n) AS form, bool_or(stop) AS stop FROM lens_forms GROUP BY term) f USING (term)
    WHERE t.df >= ${MIN_DF} ORDER BY id`);
  await conn.run('DROP TABLE lens_forms');
  await conn.run('CREATE TABLE lens_docs AS SELECT conv, count(*)::UINTEGER AS n FROM postings GROUP BY conv ORDER BY conv');
  await conn.run('CREATE TEMP TABLE lens_sample_raw (conv UINTEGER, term UBIGINT)');
  await conn.appendColumns('lens_sample_raw', [UINTEGER, UBIGINT], [4, 8], [convCol, termCol], n, 'temp');
  await conn.run(`CREATE TABLE lens_sample AS SELECT s.conv, v.id
    FROM lens_sample_raw s JOIN lens_vocab v ON v.term = s.term AND NOT v.stop ORDER BY s.conv, v.id`);
  await conn.run('DROP TABLE lens_sample_raw');
  await conn.run(`CREATE TABLE lens_meta AS SELECT ${every}::INTEGER AS sample_every, ${sampled}::INTEGER AS sampled`);
  const count = await conn.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM lens_vocab');
  return { terms: count!.n, sampleEvery: every, sampled, seconds: (Date.now() - started) / 1000 };
}
