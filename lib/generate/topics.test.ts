import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { duck, parquet } from '../../test/duck';
import { WILDCHAT } from '../../test/fixtures';
import { literal } from '../db/duckdb';
import { generate } from '.';
import { TOPICS } from './topics';
import { LANGUAGES } from './vocab';

const N = 3000;
const dir = mkdtempSync(join(tmpdir(), 'ws-topics-'));
const data = join(dir, 'data');
const truth = join(dir, 'truth.parquet');
// Each conversation's first user message beside its latent topic, joined on (file, row) as the truth file promises.
const FIRST = `(SELECT t.topic, t.language, t.near_duplicate, d.conversation[1].content AS content
  FROM read_parquet(${literal(truth)}) t
  JOIN read_parquet(${literal(join(data, '*.parquet'))}, filename = true, file_row_number = true) d
    ON parse_filename(d.filename) = t.file AND d.file_row_number = t.row)`;

const total = TOPICS.reduce((a, t) => a + t.share, 0);
const rows = async <T>(sql: string) => (await duck()).all<T>(sql);

beforeAll(async () => {
  await generate({ conversations: N, seed: 29, out: data, schema: 'wildchat', shards: 2, truth });
});

describe('topics of the synthetic data', () => {
  it('names every conversation once in the truth file, with the language the dataset gives it', async () => {
    const [r] = await rows<{ n: bigint; joined: bigint; same: bigint }>(`SELECT (SELECT count(*) FROM read_parquet(${literal(truth)})) AS n,
      count(*) AS joined, count(*) FILTER (WHERE t.language = d.language) AS same
      FROM read_parquet(${literal(truth)}) t
      JOIN read_parquet(${literal(join(data, '*.parquet'))}, filename = true, file_row_number = true) d
        ON parse_filename(d.filename) = t.file AND d.file_row_number = t.row`);
    expect(Number(r!.n)).toBe(N);
    expect(Number(r!.joined)).toBe(N);
    expect(Number(r!.same)).toBe(N);
  });

  it('draws topics in the catalogue shares', async () => {
    const got = new Map(
      (await rows<{ topic: string; n: bigint }>(`SELECT topic, count(*) AS n FROM read_parquet(${literal(truth)}) GROUP BY topic`)).map(
        (r) => [r.topic, Number(r.n) / N],
      ),
    );
    expect([...got.keys()].sort()).toEqual(TOPICS.map((t) => t.id).sort());
    for (const t of TOPICS) {
      const p = t.share / total;
      // Four standard errors, plus a point for the exact repeats, which come in lumps of one topic.
      expect(Math.abs(got.get(t.id)! - p), t.id).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 0.01);
    }
  });

  it('writes image prompts mostly in English', async () => {
    const image = TOPICS.find((t) => t.id === 'image')!;
    const r = await (
      await duck()
    ).one<{ en: number }>(`SELECT avg((language = 'English')::INT) AS en FROM read_parquet(${literal(truth)}) WHERE topic = 'image'`);
    expect(r!.en).toBeGreaterThan(image.english! - 0.1);
    const [p] = await rows<{ n: bigint; m: bigint }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE content LIKE '%/imagine prompt:%' OR content LIKE '%Midjourney%') AS m FROM ${FIRST} WHERE topic = 'image' AND content <> ''`,
    );
    expect(Number(p!.m)).toBe(Number(p!.n));
  });

  // A topic's distinctive words: its catalogue words that are not among the language's common words.
  const distinctive = (topic: string, language: string) => {
    const common = new Set(LANGUAGES.find((l) => l.name === language)!.words.map((x) => x.toLowerCase()));
    return TOPICS.find((t) => t.id === topic)!
      .words[language]!.map((x) => x.toLowerCase())
      .filter((x) => !common.has(x));
  };
  const cases: [string, string][] = [
    ['creative', 'English'],
    ['coding', 'English'],
    ['image', 'English'],
    ['homework', 'English'],
    ['business', 'English'],
    ['creative', 'Russian'],
    ['coding', 'Russian'],
    ['creative', 'Chinese'],
    ['coding', 'Chinese'],
  ];
  it.each(cases)('puts %s words in %s first user messages of that topic far more often than elsewhere', async (topic, language) => {
    const words = `[${distinctive(topic, language).map(literal).join(', ')}]::VARCHAR[]`;
    // Whole tokens for alphabetic scripts; Chinese is written without spaces, so there a word is a substring.
    const has =
      language === 'Chinese'
        ? `len(list_filter(${words}, w -> contains(lower(content), w))) > 0`
        : `list_has_any(string_split_regex(lower(content), '[^\\p{L}\\p{N}_-]+'), ${words})`;
    const [r] = await rows<{ inside: number; outside: number; n: bigint }>(`SELECT
        avg((${has})::INT) FILTER (WHERE topic = ${literal(topic)}) AS inside,
        avg((${has})::INT) FILTER (WHERE topic <> ${literal(topic)}) AS outside,
        count(*) FILTER (WHERE topic = ${literal(topic)}) AS n
      FROM ${FIRST} WHERE language = ${literal(language)} AND content <> ''`);
    expect(Number(r!.n)).toBeGreaterThan(5);
    expect(r!.inside).toBeGreaterThan(0.8);
    expect(r!.inside).toBeGreaterThan(5 * r!.outside);
  });

  it('reuses boilerplate prompts with one substituted subject', async () => {
    const [d] = await rows<{ share: number }>(`SELECT avg(near_duplicate::INT) AS share FROM read_parquet(${literal(truth)})`);
    expect(d!.share).toBeGreaterThan(0.01);
    expect(d!.share).toBeLessThan(0.08);
    // Each boilerplate's text before its subject opens several first messages that are not all the same.
    const prefixes = TOPICS.flatMap((t) => Object.values(t.nearDuplicates ?? {}).flat()).map((x) => x.slice(0, x.indexOf('{1}')));
    const groups = await rows<{
      n: bigint;
      distinct: bigint;
    }>(`SELECT count(*) AS n, count(DISTINCT content) AS distinct FROM ${FIRST}, unnest([${prefixes.map(literal).join(', ')}]) p(prefix)
      WHERE starts_with(content, prefix) GROUP BY prefix HAVING count(*) >= 3`);
    expect(groups.length).toBeGreaterThan(2);
    for (const g of groups) expect(Number(g.distinct)).toBeGreaterThan(1);
  });

  it('keeps word frequencies Zipf-like: function words lead English text', async () => {
    const top = await rows<{ w: string }>(`SELECT w FROM (SELECT unnest(string_split_regex(lower(m.content), '[^\\p{L}\\p{N}_-]+')) AS w
      FROM (SELECT unnest(conversation) AS m FROM ${parquet(data)} WHERE language = 'English')) WHERE w <> '' GROUP BY w ORDER BY count(*) DESC LIMIT 5`);
    const topicWords = new Set(TOPICS.flatMap((t) => (t.words.English ?? []).map((x) => x.toLowerCase())));
    for (const { w } of top) expect(topicWords.has(w), w).toBe(false);
  });

  it('leaves the dataset bytes unchanged when writing the truth file', async () => {
    const out = join(dir, 'again');
    await generate({ ...WILDCHAT, out, schema: 'wildchat', shards: 2, truth: join(dir, 'again-truth.parquet') });
    const sha = (d: string) =>
      readdirSync(d)
        .sort()
        .map((f) =>
          createHash('sha256')
            .update(readFileSync(join(d, f)))
            .digest('hex'),
        );
    expect(sha(out)).toEqual(sha(WILDCHAT.dir));
  });
});
