// The baseline a researcher writes first: the same questions asked of the raw Parquet with DuckDB.
import { CATEGORIES, DETOXIFY } from '../dataset/moderation';
import { Database, literal, type Connection } from '../db/duckdb';
import type { BaselineQuestion } from './mix';

const SEP = '[^\\p{L}\\p{N}_]';
const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function searchWhere(q: BaselineQuestion): string {
  const has = (re: string) => `len(list_filter(conversation, m -> regexp_matches(m.content, ${literal(re)}, 'i'))) > 0`;
  if (q.phrase) return has(`(^|${SEP})${q.phrase.map(esc).join(`${SEP}+`)}(${SEP}|$)`);
  if (q.words)
    return q.words
      .map((w) =>
        /\p{Script=Han}/u.test(w)
          ? `len(list_filter(conversation, m -> contains(m.content, ${literal(w)}))) > 0`
          : has(`(^|${SEP})${esc(w)}(${SEP}|$)`),
      )
      .join(' AND ');
  return q.where ?? 'true';
}

/** The chart aggregates of /api/stats asked of the raw files: breakdowns, days, scores, lengths. */
async function charts(c: Connection, T: string, where: string): Promise<void> {
  await c.all(`SELECT country, state, language, model, "timestamp"::DATE AS day, turn, count(*) FROM ${T} WHERE ${where}
    GROUP BY GROUPING SETS ((), (country), (country, state), (language), (model), (language, country), (turn), ("timestamp"::DATE))`);
  const bins = [
    ...CATEGORIES.map((k, i) => `floor(2 * log10(greatest(o.category_scores."${k}", 1e-6))) * 2 + o.categories."${k}"::INT AS s${i}`),
    ...DETOXIFY.map((k, i) => `floor(d.${k} * 20) AS d${i}`),
  ];
  const sets = [...CATEGORIES.map((_, i) => `(role, s${i})`), ...DETOXIFY.map((_, i) => `(role, d${i})`), '(role, len)'];
  await c.all(`SELECT count(*) FROM (SELECT m.role, floor(log2(greatest(1, length(m.content)))) AS len, ${bins.join(', ')}
    FROM (SELECT unnest(conversation) AS m, unnest(openai_moderation) AS o, unnest(detoxify_moderation) AS d FROM ${T} WHERE ${where}))
    GROUP BY GROUPING SETS (${sets.join(', ')})`);
}

export async function openBaseline(glob: string): Promise<{ ask: (q: BaselineQuestion) => Promise<number>; close: () => void }> {
  const db = await Database.open(':memory:', { threads: 2, memoryLimit: '8GB' });
  const c: Connection = await db.connect();
  const T = `read_parquet(${literal(glob)})`;
  const ask = async (q: BaselineQuestion): Promise<number> => {
    const started = performance.now();
    const where = searchWhere(q);
    if (q.charts) {
      await charts(c, T, where);
      return performance.now() - started;
    }
    await c.all(`SELECT count(*) FROM ${T} WHERE ${where}`);
    await c.all(`SELECT conversation[1].turn_identifier::VARCHAR id, model, "timestamp", left(conversation[1].content, 300) preview
      FROM ${T} WHERE ${where} ORDER BY "timestamp" DESC LIMIT 50 OFFSET ${q.offset ?? 0}`);
    if (q.offset === undefined) {
      await c.all(`SELECT language, country, state, model, toxic, redacted, count(*) FROM ${T} WHERE ${where}
        GROUP BY GROUPING SETS ((language), (country), (state), (model), (toxic), (redacted))`);
    }
    return performance.now() - started;
  };
  return {
    ask,
    close: () => {
      c.close();
      db.close();
    },
  };
}
