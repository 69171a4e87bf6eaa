// The topic map, built at ingest from each conversation's first user message: TF-IDF rows →
// a randomized SVD fitted on a sample → UMAP of the sample → every other conversation placed
// among its nearest sampled neighbours; topics by spherical k-means, merged into broad ones, and
// labelled by c-TF-IDF. Offline and seeded: the same files give the same map.
import { FLOAT, UINTEGER, USMALLINT, type Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { TextStore } from '../text/store';
import { fineTopicCount, mergeTopics, nearestCentre, sphericalKMeans } from './clusters';
import { distinctTokens, Featurizer } from './features';
import { distinctiveTerms, labelOf, labelTerms } from './labels';
import { fitLayout, placer } from './layout';
import { sampleIndexes, seededRandom } from '../random';
import { median } from './stats';
import { randomizedSvd, type SparseRow } from './svd';
import { mapTokens } from './tokens';
import { projectVectors } from './vectors';
import { basename } from 'node:path';

/** Conversations the projection, the layout and the topics are fitted on. */
export const MAP_SAMPLE = 20_000;
/** Dimensions of the projected vectors. */
export const MAP_DIMS = 48;
const SEED = 20_240_507;
const EXEMPLARS = 3;
/** The topic of messages with no word the map knows (only rare words, numbers or stop words). */
export const NO_CONTENT_LABEL = 'rare or no content words';
/** With the user's vectors: the topic of conversations the vectors file has none for. */
export const NO_VECTOR_LABEL = 'no vector given';

export interface MapSummary {
  points: number;
  topics: number;
  subtopics: number;
  method: string;
  seconds: number;
  bounds: [number, number, number, number];
}

export interface MapOptions {
  sample?: number;
  /** A Parquet file of conversation ids and vectors (WILDSCOPE_VECTORS) to use instead of the text's TF-IDF. */
  vectors?: string;
  log?: (line: string) => void;
}

// What a conversation's first user message gives the map.
const NONE = 0; // no first user message, or an empty one: no point
const VECTOR = 1;
const NO_CONTENT = 2;

/** The text of a conversation's first user message, trimmed; '' when there is none. */
function firstUserMessage(store: TextStore, conv: number): string {
  let text = '';
  store.some(conv, (m) => ((text = m.text.trim()), true), { role: 'user', to: 64 });
  return text;
}

function project(row: SparseRow, basis: Float32Array, dims: number, out: Float32Array, at: number): boolean {
  out.fill(0, at, at + dims);
  for (let p = 0; p < row.index.length; p++) {
    const w = row.value[p]!;
    const o = row.index[p]! * dims;
    for (let c = 0; c < dims; c++) out[at + c]! += w * basis[o + c]!;
  }
  let s = 0;
  for (let c = 0; c < dims; c++) s += out[at + c]! ** 2;
  if (s < 1e-12) return false;
  const inv = 1 / Math.sqrt(s);
  for (let c = 0; c < dims; c++) out[at + c] = out[at + c]! * inv;
  return true;
}

interface Topic {
  id: string;
  parent: string | null;
  level: 1 | 2;
  num: number;
  label: string;
  terms: string[];
  count: number;
  x: number;
  y: number;
  exemplars: number[];
}

export async function buildMap(conn: Connection, store: TextStore, o: MapOptions = {}): Promise<MapSummary> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const elapsed = () => `map step ${((Date.now() - started) / 1000).toFixed(1)} s`;
  const [languages] = await conn.columns<[string | null]>('SELECT language::VARCHAR AS language FROM conversations ORDER BY idx');
  const n = languages.length;
  if (n !== store.conversations) throw new Error(`the map: ${n} conversations but ${store.conversations} in the text store`);

  // 1. Fit the vocabulary and the projection on a sample.
  const random = seededRandom(SEED);
  const drawn = sampleIndexes(n, o.sample ?? MAP_SAMPLE, random);
  const sampleTexts: { conv: number; text: string }[] = [];
  for (const conv of drawn) {
    const text = firstUserMessage(store, conv);
    if (text) sampleTexts.push({ conv, text });
  }
  const featurizer = Featurizer.fit(sampleTexts.map((s) => ({ tokens: distinctTokens(s.text), language: languages[s.conv] ?? '' })));
  const state = new Uint8Array(n);
  let dims: number;
  let vectors: Float32Array;
  let source: string;
  if (o.vectors) {
    // 1-2. The user's vectors, reduced on the sample; a conversation without one goes to the corner.
    const mine = await projectVectors(conn, o.vectors, n, drawn, MAP_DIMS, SEED);
    ({ dims, vectors } = mine);
    for (let conv = 0; conv < n; conv++) state[conv] = mine.has[conv] ? VECTOR : firstUserMessage(store, conv) ? NO_CONTENT : NONE;
    source = `vectors of ${mine.inputDims} numbers from ${basename(o.vectors)}, randomized SVD to ${dims} dimensions`;
    log(`[map] ${source}, ${elapsed()}`);
  } else {
    const sampleRows = sampleTexts.map((s) => featurizer.row(s.text));
    const fitRows = sampleRows.filter((r) => r.index.length > 0);
    const d = featurizer.features.size;
    dims = Math.max(2, Math.min(MAP_DIMS, Math.floor(Math.min(fitRows.length, d) / 2)));
    const { basis } = randomizedSvd(fitRows, Math.max(d, 1), dims, SEED);
    source = `first user message: TF-IDF of words and character pairs, randomized SVD to ${dims} dimensions`;
    log(
      `[map] projection of ${d.toLocaleString('en-US')} terms to ${dims} dimensions fitted on ${fitRows.length.toLocaleString('en-US')} messages, ${elapsed()}`,
    );

    // 2. Project every conversation's first message.
    vectors = new Float32Array(n * dims);
    let lastLog = Date.now();
    for (let conv = 0; conv < n; conv++) {
      const text = firstUserMessage(store, conv);
      if (!text) continue;
      state[conv] = project(featurizer.row(text), basis, dims, vectors, conv * dims) ? VECTOR : NO_CONTENT;
      if (Date.now() - lastLog > 2000) {
        lastLog = Date.now();
        log(`[map] ${conv.toLocaleString('en-US')}/${n.toLocaleString('en-US')} first messages projected, ${elapsed()}`);
      }
    }
  }

  // 3. Lay out the sample, then place everyone else.
  const sample = Array.from(drawn).filter((c) => state[c] === VECTOR);
  const ns = sample.length;
  const sampleVectors = new Float32Array(ns * dims);
  sample.forEach((c, i) => sampleVectors.set(vectors.subarray(c * dims, c * dims + dims), i * dims));
  const xy = new Float32Array(2 * n);
  if (ns >= 32) {
    const layout = await fitLayout(sampleVectors, ns, dims, SEED);
    log(`[map] UMAP layout of ${ns.toLocaleString('en-US')} sampled messages, ${elapsed()}`);
    const inSample = new Int32Array(n).fill(-1);
    sample.forEach((c, i) => (inSample[c] = i));
    const place = await placer(sampleVectors, layout, ns, dims, SEED);
    try {
      for (let conv = 0; conv < n; conv++) {
        if (state[conv] !== VECTOR) continue;
        const i = inSample[conv]!;
        if (i >= 0) xy.set(layout.subarray(2 * i, 2 * i + 2), 2 * conv);
        else place.place(vectors.subarray(conv * dims, conv * dims + dims), xy, 2 * conv);
      }
    } finally {
      place.close();
    }
  } else {
    // Too few messages for UMAP's neighbourhoods: the first two components are the layout.
    for (let conv = 0; conv < n; conv++) if (state[conv] === VECTOR) xy.set(vectors.subarray(conv * dims, conv * dims + 2), 2 * conv);
  }
  log(`[map] every point placed, ${elapsed()}`);

  // 4. Fine topics from the sample's vectors, every point assigned to the nearest centre.
  const k = Math.min(fineTopicCount(ns), Math.max(ns, 1));
  const { centres } = sphericalKMeans(sampleVectors, ns, dims, k, SEED);
  const fine = new Int32Array(n).fill(-1);
  const fineSize = new Array<number>(k).fill(0);
  for (let conv = 0; conv < n; conv++) {
    if (state[conv] !== VECTOR) continue;
    const c = nearestCentre(vectors, conv * dims, centres, k, dims);
    fine[conv] = c;
    fineSize[c]!++;
  }
  const broadOfFine = mergeTopics(centres, fineSize, dims);
  log(`[map] ${k} subtopics found and merged into topics, ${elapsed()}`);

  // 5. Label fine and broad topics from the sampled messages of each.
  const docs = sample.map((c) => labelTerms(mapTokens(firstUserMessage(store, c)), (t) => featurizer.meaningful(t)));
  const fineTerms = distinctiveTerms(
    docs,
    sample.map((c) => fine[c]!),
    k,
  );
  const broadCount = Math.max(...Array.from(broadOfFine), -1) + 1;
  const broadTerms = distinctiveTerms(
    docs,
    sample.map((c) => broadOfFine[fine[c]!]!),
    broadCount,
  );
  log(`[map] topics labelled, ${elapsed()}`);

  // 6. Number topics: broad ones by size (t1, t2…), their fine ones by size within (t1.1, t1.2…).
  const pointsOf = (c: number) => fineSize[c]!;
  const broad = Array.from({ length: broadCount }, (_, b) => ({ b, fines: [] as number[], count: 0 }));
  for (let c = 0; c < k; c++) if (fineSize[c]! > 0) broad[broadOfFine[c]!]!.fines.push(c);
  for (const g of broad) {
    g.fines.sort((a, b) => pointsOf(b) - pointsOf(a) || a - b);
    g.count = g.fines.reduce((s, c) => s + pointsOf(c), 0);
  }
  const ordered = broad.filter((g) => g.count > 0).sort((a, b) => b.count - a.count || a.b - b.b);
  const topics: Topic[] = [];
  const numOfFine = new Int32Array(k).fill(-1);
  let num = 0;
  // Each fine topic's points, once: a topic's centre on the map is the median of its points.
  const xsOf = Array.from({ length: k }, () => [] as number[]);
  const ysOf = Array.from({ length: k }, () => [] as number[]);
  for (let conv = 0; conv < n; conv++)
    if (fine[conv]! >= 0) {
      xsOf[fine[conv]!]!.push(xy[2 * conv]!);
      ysOf[fine[conv]!]!.push(xy[2 * conv + 1]!);
    }
  const centreOf = (cs: number[]) => ({ x: median(cs.flatMap((c) => xsOf[c]!)), y: median(cs.flatMap((c) => ysOf[c]!)) });
  const nearest = (centre: Float32Array, among: number[]) =>
    among
      .map((c) => ({ c, s: dotAt(vectors, c * dims, centre, dims) }))
      .sort((a, b) => b.s - a.s || a.c - b.c)
      .slice(0, EXEMPLARS)
      .map((e) => e.c);
  ordered.forEach((g, bi) => {
    const id = `t${bi + 1}`;
    const inBroad = new Set(g.fines);
    const centre = new Float32Array(dims);
    for (const c of g.fines) for (let j = 0; j < dims; j++) centre[j]! += centres[c * dims + j]! * pointsOf(c);
    const terms = broadTerms[g.b]!;
    topics.push({
      id,
      parent: null,
      level: 1,
      num: -1,
      label: labelOf(terms),
      terms,
      count: g.count,
      ...centreOf(g.fines),
      exemplars: nearest(
        centre,
        sample.filter((c) => inBroad.has(fine[c]!)),
      ),
    });
    g.fines.forEach((c, fi) => {
      numOfFine[c] = num;
      topics.push({
        id: `${id}.${fi + 1}`,
        parent: id,
        level: 2,
        num: num++,
        label: labelOf(fineTerms[c]!),
        terms: fineTerms[c]!,
        count: pointsOf(c),
        ...centreOf([c]),
        exemplars: nearest(
          centres.subarray(c * dims, c * dims + dims),
          sample.filter((s) => fine[s] === c),
        ),
      });
    });
  });

  // Messages with no word the map knows get a topic of their own, in a corner of the map.
  const bounds = boundsOf(xy, state);
  const noContent = state.reduce((s, v) => s + (v === NO_CONTENT ? 1 : 0), 0);
  if (noContent > 0) {
    const span = Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1);
    const cx = bounds[0] - 0.04 * span,
      cy = bounds[1] - 0.04 * span;
    const jitter = seededRandom(SEED + 1);
    for (let conv = 0; conv < n; conv++)
      if (state[conv] === NO_CONTENT) {
        const r = 0.02 * span * Math.sqrt(jitter()),
          a = 2 * Math.PI * jitter();
        xy[2 * conv] = cx + r * Math.cos(a);
        xy[2 * conv + 1] = cy + r * Math.sin(a);
      }
    const id = `t${ordered.length + 1}`;
    const corner = {
      label: o.vectors ? NO_VECTOR_LABEL : NO_CONTENT_LABEL,
      terms: [] as string[],
      count: noContent,
      x: cx,
      y: cy,
      exemplars: [] as number[],
    };
    topics.push({ id, parent: null, level: 1, num: -1, ...corner });
    topics.push({ id: `${id}.1`, parent: id, level: 2, num, ...corner });
  }
  const noContentNum = num;

  // 7. Store the points, the topics, and each conversation's topics as columns.
  const ords: number[] = [];
  for (let conv = 0; conv < n; conv++) if (state[conv] !== NONE) ords.push(conv);
  const p = ords.length;
  const convCol = Uint32Array.from(ords);
  const ordCol = Uint32Array.from({ length: p }, (_, i) => i);
  const xCol = Float32Array.from(ords, (c) => xy[2 * c]!);
  const yCol = Float32Array.from(ords, (c) => xy[2 * c + 1]!);
  const topicCol = Uint16Array.from(ords, (c) => (state[c] === VECTOR ? numOfFine[fine[c]!]! : noContentNum));
  await conn.run('CREATE TABLE map_points (ord UINTEGER, conv UINTEGER, x FLOAT, y FLOAT, topic USMALLINT)');
  await conn.appendColumns(
    'map_points',
    [UINTEGER, UINTEGER, FLOAT, FLOAT, USMALLINT],
    [4, 4, 4, 4, 2],
    [ordCol, convCol, xCol, yCol, topicCol],
    p,
  );

  const [ids] = await conn.columns<[string]>('SELECT id FROM conversations ORDER BY idx');
  await conn.run(`CREATE TABLE topics (id VARCHAR, parent VARCHAR, level UTINYINT, num USMALLINT, label VARCHAR, terms VARCHAR[],
    count UINTEGER, x FLOAT, y FLOAT, exemplars VARCHAR[])`);
  for (const t of topics) {
    const sql = new Sql();
    await conn.run(
      `INSERT INTO topics VALUES (${sql.p(t.id)}, ${sql.p(t.parent)}, ${t.level}, ${t.num < 0 ? 'NULL' : t.num}, ${sql.p(t.label)},
        ${sql.p(JSON.stringify(t.terms))}::JSON::VARCHAR[], ${t.count}, ${Number.isFinite(t.x) ? t.x : 0}, ${Number.isFinite(t.y) ? t.y : 0},
        ${sql.p(JSON.stringify(t.exemplars.map((c) => ids[c])))}::JSON::VARCHAR[])`,
      sql.params,
    );
  }
  // ENUMs listed in string order, so that sorting by a topic column sorts by its id's text.
  await conn.run('CREATE TYPE topic_value AS ENUM (SELECT id FROM topics WHERE level = 2 ORDER BY id)');
  await conn.run('CREATE TYPE broad_topic_value AS ENUM (SELECT id FROM topics WHERE level = 1 ORDER BY id)');
  await conn.run('ALTER TABLE conversations ADD COLUMN topic topic_value');
  await conn.run('ALTER TABLE conversations ADD COLUMN broad_topic broad_topic_value');
  await conn.run(`UPDATE conversations SET topic = t.id::topic_value, broad_topic = t.parent::broad_topic_value
    FROM map_points p JOIN topics t ON t.level = 2 AND t.num = p.topic WHERE conversations.idx = p.conv`);

  const summary: MapSummary = {
    points: p,
    topics: topics.filter((t) => t.level === 1).length,
    subtopics: topics.filter((t) => t.level === 2).length,
    method: `${source}, UMAP of ${ns.toLocaleString('en-US')} sampled conversations, spherical k-means`,
    seconds: (Date.now() - started) / 1000,
    bounds: boundsOf(xy, state),
  };
  log(`[map] ${p.toLocaleString('en-US')} points, ${summary.topics} topics, ${summary.subtopics} subtopics, ${elapsed()}`);
  return summary;
}

function dotAt(a: Float32Array, o: number, b: Float32Array, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += a[o + j]! * b[j]!;
  return s;
}

function boundsOf(xy: Float32Array, state: Uint8Array): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < state.length; i++) {
    if (state[i] === NONE) continue;
    minX = Math.min(minX, xy[2 * i]!);
    maxX = Math.max(maxX, xy[2 * i]!);
    minY = Math.min(minY, xy[2 * i + 1]!);
    maxY = Math.max(maxY, xy[2 * i + 1]!);
  }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : [0, 0, 1, 1];
}
