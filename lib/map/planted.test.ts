// The map recovers topics planted in a fixture: four subjects, each with its own words, in
// English and in French, beside filler of random words. Each planted (subject, language) must end
// up as one broad topic (most of its conversations in it, and it mostly theirs), labelled with the
// subject's words; and a second build of the same files gives the same map, point for point.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duck } from '../../test/duck';
import { WILDCHAT } from '../../test/fixtures';
import { INDEX_FILE } from '../config';
import { Database, type Connection } from '../db/duckdb';
import { buildIndex } from '../ingest/build';

const ROOT = resolve('.cache/test-map-planted');
const DATA = join(ROOT, 'data');
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

const SUBJECTS: Record<string, Record<'English' | 'French', string[]>> = {
  astronomy: {
    English: 'telescope galaxy nebula orbit planet comet asteroid supernova eclipse constellation quasar meteor'.split(' '),
    French: 'télescope galaxie nébuleuse orbite planète comète astéroïde supernova éclipse constellation quasar météore'.split(' '),
  },
  cooking: {
    English: 'recipe oven flour butter simmer garlic saucepan dough roast vinegar spatula bake'.split(' '),
    French: 'recette four farine beurre mijoter ail casserole pâte rôtir vinaigre spatule cuire'.split(' '),
  },
  football: {
    English: 'goalkeeper penalty striker midfielder offside referee stadium dribble tackle league corner header'.split(' '),
    French: 'gardien penalty attaquant milieu hors-jeu arbitre stade dribble tacle ligue corner tête'.split(' '),
  },
  programming: {
    English: 'compiler variable function pointer recursion debugger array syntax lambda iterator boolean integer'.split(' '),
    French: 'compilateur variable fonction pointeur récursivité débogueur tableau syntaxe lambda itérateur booléen entier'.split(' '),
  },
};
const NAMES = Object.keys(SUBJECTS);
const PER_GROUP = 120;
const FILLER = 240;
const GROUPS = NAMES.length * 2;
const N = GROUPS * PER_GROUP + FILLER;
/** Random words of the filler: syllables, so that no two filler messages share a subject. */
const FILLER_WORDS = Array.from({ length: 600 }, (_, i) => {
  const s = ['ka', 'lo', 'mi', 'ze', 'tu', 'ra', 'ne', 'vo', 'si', 'pa', 'du', 'fe'];
  return s[i % 12]! + s[Math.floor(i / 12) % 12]! + s[Math.floor(i / 144) % 12]! + 'x';
});

/** Row r's planted group (subject × language), or -1 for filler; its text from a fixed generator. */
function planted(r: number): { group: number; language: 'English' | 'French'; text: string } {
  let seed = r * 2654435761;
  const next = (m: number) => {
    seed = (Math.imul(seed ^ (seed >>> 13), 1274126177) + 12345) >>> 0;
    return seed % m;
  };
  if (r >= GROUPS * PER_GROUP) {
    return { group: -1, language: r % 2 ? 'French' : 'English', text: Array.from({ length: 9 }, () => FILLER_WORDS[next(600)]).join(' ') };
  }
  const group = r % GROUPS;
  const language = group % 2 ? 'French' : 'English';
  const words = SUBJECTS[NAMES[group >> 1]!]![language];
  const glue = language === 'English' ? ['please', 'the', 'and', 'about', 'my'] : ['le', 'la', 'et', 'pour', 'mon'];
  const text = Array.from({ length: 10 }, (_, j) => (j % 3 === 2 ? glue[next(glue.length)] : words[next(words.length)])).join(' ');
  return { group, language, text };
}

const VECTORS = join(ROOT, 'vectors.parquet');
const VECTOR_GROUPS = 4;
const NO_VECTOR = 10;

const opened: Database[] = [];
async function index(cache: string): Promise<Connection> {
  const db = await Database.open(join(cache, INDEX_FILE), { readOnly: true, threads: 1 });
  opened.push(db);
  return db.connect();
}
afterAll(() => opened.forEach((d) => d.close()));

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const c = await duck();
  const rows = Array.from({ length: N }, (_, r) => planted(r));
  await c.run('CREATE OR REPLACE TEMP TABLE planted (r INTEGER, language VARCHAR, text VARCHAR)');
  for (let at = 0; at < N; at += 500) {
    const values = rows
      .slice(at, at + 500)
      .map((p, i) => `(${at + i}, ${q(p.language)}, ${q(p.text)})`)
      .join(', ');
    await c.run(`INSERT INTO planted VALUES ${values}`);
  }
  // The fixture's conversations as templates, each message's content replaced by the planted text.
  const src = `read_parquet(${q(join(WILDCHAT.dir, '*.parquet'))})`;
  const fields = (await c.all<{ column_name: string }>(`DESCRIBE SELECT m.* FROM (SELECT unnest(conversation) AS m FROM ${src})`)).map(
    (r) => r.column_name,
  );
  // Each copy of a template conversation gets turn identifiers of its own, so that ids stay unique.
  const message = fields
    .map((f) =>
      f === 'content'
        ? 'content := p.text'
        : f === 'turn_identifier'
          ? `turn_identifier := m.turn_identifier + (p.r // ${WILDCHAT.conversations}) * 1000000000000`
          : `"${f}" := m."${f}"`,
    )
    .join(', ');
  await c.run(`COPY (
      SELECT t.* REPLACE (list_transform(t.conversation, m -> struct_pack(${message})) AS conversation, p.language AS language,
        t.conversation_hash || '-' || p.r AS conversation_hash)
      FROM planted p JOIN (SELECT *, row_number() OVER () - 1 AS k FROM ${src}) t ON t.k = p.r % ${WILDCHAT.conversations}
      ORDER BY p.r
    ) TO ${q(join(DATA, 'planted.parquet'))} (FORMAT parquet)`);
  await buildIndex({ data: DATA, cache: join(ROOT, 'a') });
  await buildIndex({ data: DATA, cache: join(ROOT, 'b') });
  // Vectors that group the conversations otherwise than their text: by row modulo VECTOR_GROUPS,
  // each group a direction of its own plus noise; the last NO_VECTOR rows get none.
  const ids = await (await index(join(ROOT, 'a'))).all<{ id: string; r: number }>('SELECT id, source_row::INTEGER AS r FROM conversations');
  await c.run('CREATE OR REPLACE TEMP TABLE vecs (id VARCHAR, vector FLOAT[])');
  const noise = (r: number, j: number) => (((r * 7919 + j * 104729) % 1000) / 1000 - 0.5) * 0.6;
  const withVector = ids.filter((x) => x.r < N - NO_VECTOR);
  for (let at = 0; at < withVector.length; at += 400) {
    const values = withVector
      .slice(at, at + 400)
      .map(
        ({ id, r }) =>
          `(${q(id)}, [${Array.from({ length: 16 }, (_, j) => (j === (r % VECTOR_GROUPS) * 4 ? 1 : 0) + noise(r, j)).join(', ')}])`,
      )
      .join(', ');
    await c.run(`INSERT INTO vecs VALUES ${values}`);
  }
  await c.run(`COPY vecs TO ${q(VECTORS)} (FORMAT parquet)`);
  await buildIndex({ data: DATA, cache: join(ROOT, 'v'), vectors: VECTORS });
}, 300_000);

describe('the topic map of planted topics', () => {
  it('recovers each planted subject in each language as one broad topic, labelled with its words', async () => {
    const c = await index(join(ROOT, 'a'));
    const rows = await c.all<{ idx: number; broad: string | null }>(
      'SELECT idx::INTEGER AS idx, broad_topic::VARCHAR AS broad FROM conversations ORDER BY source_row',
    );
    expect(rows.length).toBe(N);
    expect(new Set((await c.all<{ id: string }>('SELECT id FROM conversations')).map((r) => r.id)).size).toBe(N);
    const topics = new Map(
      (await c.all<{ id: string; terms: string[] }>('SELECT id, terms FROM topics WHERE level = 1')).map((t) => [t.id, t.terms]),
    );
    const inTopic = new Map<string, number>();
    for (const r of rows) if (r.broad) inTopic.set(r.broad, (inTopic.get(r.broad) ?? 0) + 1);
    for (let g = 0; g < GROUPS; g++) {
      const members = rows.filter((_, i) => planted(i).group === g);
      const votes = new Map<string, number>();
      for (const m of members) if (m.broad) votes.set(m.broad, (votes.get(m.broad) ?? 0) + 1);
      const [best, n] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
      const name = `${NAMES[g >> 1]} in ${g % 2 ? 'French' : 'English'}`;
      expect(n / members.length, `${name}: share of its conversations in its topic`).toBeGreaterThanOrEqual(0.9);
      expect(n / inTopic.get(best)!, `${name}: share of its topic that is its conversations`).toBeGreaterThanOrEqual(0.8);
      const words = new Set(SUBJECTS[NAMES[g >> 1]!]![g % 2 ? 'French' : 'English']);
      const terms = topics.get(best)!;
      const own = terms.filter((t) => t.split(' ').every((w) => words.has(w)));
      expect(own.length, `${name}: label terms ${terms.join(', ')}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('places every conversation with a first message and gives it a topic of either level', async () => {
    const c = await index(join(ROOT, 'a'));
    const r = (await c.one<{ points: number; convs: number; fine: number; orphans: number }>(`SELECT
      (SELECT count(*) FROM map_points)::INTEGER AS points,
      (SELECT count(*) FROM conversations WHERE topic IS NOT NULL AND broad_topic IS NOT NULL)::INTEGER AS convs,
      (SELECT count(*) FROM conversations c JOIN topics t ON t.id = c.topic::VARCHAR WHERE t.parent = c.broad_topic::VARCHAR)::INTEGER AS fine,
      (SELECT count(*) FROM topics t WHERE t.level = 2 AND t.parent NOT IN (SELECT id FROM topics WHERE level = 1))::INTEGER AS orphans`))!;
    expect(r).toEqual({ points: N, convs: N, fine: N, orphans: 0 });
    const sums = await c.one<{ broad: number; fine: number }>(
      'SELECT sum(count) FILTER (WHERE level = 1)::INTEGER AS broad, sum(count) FILTER (WHERE level = 2)::INTEGER AS fine FROM topics',
    );
    expect(sums).toEqual({ broad: N, fine: N });
  });

  it('gives the same points, topics and labels when the same files are built again', async () => {
    const a = await index(join(ROOT, 'a'));
    const b = await index(join(ROOT, 'b'));
    const points = 'SELECT ord, conv, x, y, topic FROM map_points ORDER BY ord';
    const topics = 'SELECT id, parent, label, terms, count, x, y, exemplars FROM topics ORDER BY id';
    expect(await b.all(points)).toEqual(await a.all(points));
    expect(await b.all(topics)).toEqual(await a.all(topics));
  });

  it('lays out the vectors a user brings instead of the text, conversations without one in a topic of their own', async () => {
    const c = await index(join(ROOT, 'v'));
    const rows = await c.all<{ r: number; broad: string | null }>(
      'SELECT source_row::INTEGER AS r, broad_topic::VARCHAR AS broad FROM conversations ORDER BY source_row',
    );
    const inTopic = new Map<string, number>();
    for (const r of rows) if (r.broad) inTopic.set(r.broad, (inTopic.get(r.broad) ?? 0) + 1);
    for (let g = 0; g < VECTOR_GROUPS; g++) {
      const members = rows.filter((x) => x.r < N - NO_VECTOR && x.r % VECTOR_GROUPS === g);
      const votes = new Map<string, number>();
      for (const m of members) if (m.broad) votes.set(m.broad, (votes.get(m.broad) ?? 0) + 1);
      const [best, n] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
      expect(n / members.length, `vector group ${g}`).toBeGreaterThanOrEqual(0.9);
      expect(n / inTopic.get(best)!, `vector group ${g}'s topic`).toBeGreaterThanOrEqual(0.8);
    }
    const none = await c.one<{ label: string; count: number }>(
      "SELECT label, count::INTEGER AS count FROM topics WHERE level = 1 AND label = 'no vector given'",
    );
    expect(none).toEqual({ label: 'no vector given', count: NO_VECTOR });
  });

  it('refuses a vectors file without the columns it needs, naming them', async () => {
    const c = await duck();
    const bad = join(ROOT, 'bad-vectors.parquet');
    await c.run(`COPY (SELECT 'x' AS conversation, [1.0, 2.0] AS embedding) TO ${q(bad)} (FORMAT parquet)`);
    await expect(buildIndex({ data: DATA, cache: join(ROOT, 'bad'), vectors: bad })).rejects.toThrow(
      /needs the columns id and vector; it has conversation, embedding/,
    );
    await expect(buildIndex({ data: DATA, cache: join(ROOT, 'bad'), vectors: join(ROOT, 'missing.parquet') })).rejects.toThrow(
      /WILDSCOPE_VECTORS: .*missing.parquet is not a file/,
    );
  });
});
