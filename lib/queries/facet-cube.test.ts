// Facets and totals of selections made of facet values alone come from the per-index cube of
// combinations (facet-cube.ts): each is checked against DuckDB counting the fixture's Parquet.
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '@/lib/bench/mix';
import { literal } from '@/lib/db/duckdb';
import { parseParams } from '@/lib/filters/schema';
import { duck, parquet } from '@/test/duck';
import { WILDCHAT, WILDCHAT_CACHE } from '@/test/fixtures';
import { CUBE_FACETS, cubeAnswers, cubeCounts, cubeLimit } from './facet-cube';

let countFacets: typeof import('./facets').countFacets;
let listConversations: typeof import('./listing').listConversations;
let session: typeof import('../server/index-db').session;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ countFacets } = await import('./facets'));
  ({ listConversations } = await import('./listing'));
  ({ session } = await import('../server/index-db'));
  // The topics are the map's, stored in the index: each conversation's, by its first turn's identifier.
  const topics = await session((c) =>
    c.all<{ t: string; topic: string | null; broad: string | null }>(
      `SELECT m.turn_identifier::VARCHAR AS t, c.topic::VARCHAR AS topic, c.broad_topic::VARCHAR AS broad
       FROM messages m JOIN conversations c ON c.idx = m.conv WHERE m.pos = 0`,
    ),
  );
  const d = await duck();
  await d.run(`CREATE OR REPLACE TABLE topics_of (t VARCHAR, topic VARCHAR, broad VARCHAR)`);
  await d.run(
    `INSERT INTO topics_of VALUES ${topics.map((r) => `(${[r.t, r.topic, r.broad].map((v) => (v === null ? 'NULL' : literal(v))).join(', ')})`).join(', ')}`,
  );
  await d.run(`CREATE OR REPLACE TABLE cube_src AS
    SELECT 'wildchat' AS dataset, language, country, state, model, o.topic, o.broad, toxic, redacted, turn
    FROM ${parquet(WILDCHAT.dir)} p LEFT JOIN topics_of o ON o.t = p.conversation[1].turn_identifier::VARCHAR`);
});

/** The SQL condition of one parameter, written here from its documented meaning (docs/API.md), not from where.ts. */
function condition(key: string, values: string[]): { field: string; sql: string } {
  if (key === 'toxic' || key === 'redacted') return { field: key, sql: `${key} = ${values[0]}` };
  const list = values.map(literal).join(', ');
  // A topic id names a subtopic, or a broad topic and so each of its subtopics.
  const topic = `(topic IN (${list}) OR broad IN (${list}))`;
  if (key.startsWith('not_')) {
    const field = key.slice(4);
    return { field, sql: field === 'topic' ? `(topic IS NULL OR NOT ${topic})` : `(${field} IS NULL OR ${field} NOT IN (${list}))` };
  }
  return { field: key, sql: key === 'topic' ? topic : `${key} IN (${list})` };
}

/**
 * 40 random selections of facet values and exclusions, each total and facet compared with DuckDB's;
 * with `turns`, each also of conversations of at least that many turns (which the cube cannot answer).
 */
async function compareSelections(turns?: number): Promise<void> {
  const d = await duck();
  const values: Record<string, string[]> = {};
  for (const f of ['language', 'country', 'state', 'model', 'topic', 'broad']) {
    values[f] = (
      await d.all<{ v: string }>(`SELECT ${f} AS v FROM cube_src WHERE ${f} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 6`)
    ).map((r) => r.v);
  }
  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  for (let i = 0; i < 40; i++) {
    const p = new URLSearchParams();
    for (const f of ['language', 'country', 'state', 'model', 'topic']) {
      const roll = r();
      // Topics are chosen by broad topic or by subtopic.
      const pickOf = () => pick(values[f === 'topic' && r() < 0.5 ? 'broad' : f]!);
      if (roll < 0.3) p.append(f, pickOf());
      if (roll < 0.1) p.append(f, pickOf());
      if (roll > 0.8) p.append(`not_${f}`, pickOf());
    }
    if (r() < 0.25) p.set('toxic', r() < 0.5 ? 'true' : 'false');
    if (r() < 0.15) p.set('redacted', r() < 0.5 ? 'true' : 'false');
    const conds = [...new Set(p.keys())].map((k) => condition(k, p.getAll(k)));
    if (turns !== undefined) {
      p.set('turns_min', String(turns));
      conds.push({ field: 'turns', sql: `turn >= ${turns}` });
    }
    const { filter, listing } = parseParams(p);
    expect(cubeAnswers(filter)).toBe(turns === undefined);
    const where = (omit?: string) =>
      conds
        .filter((c) => c.field !== omit)
        .map((c) => c.sql)
        .join(' AND ') || 'true';

    const [facets, list] = await Promise.all([countFacets(filter), listConversations(filter, listing)]);
    const total = Number((await d.one<{ n: bigint }>(`SELECT count(*) AS n FROM cube_src WHERE ${where()}`))!.n);
    expect(list.total, p.toString()).toBe(total);
    for (const f of CUBE_FACETS) {
      const want = new Map(
        (
          await d.all<{ v: string | boolean | null; n: bigint }>(
            `SELECT ${f} AS v, count(*) AS n FROM cube_src WHERE ${where(f)} GROUP BY 1`,
          )
        ).map((x) => [x.v, Number(x.n)]),
      );
      const got = facets[f];
      expect(got.length, `${f} under ${p}`).toBe(Math.min(50, want.size));
      for (const g of got) expect(g.count, `${f}=${g.value} under ${p}`).toBe(want.get(g.value));
      const least = Math.min(...got.map((g) => g.count));
      const shown = new Set(got.map((g) => g.value));
      for (const [v, n] of want) if (!shown.has(v)) expect(n, `${f}=${v} left out under ${p}`).toBeLessThanOrEqual(least);
    }
  }
}

describe('facets from the cube of facet values', () => {
  it('counts 40 selections of facet values and exclusions as DuckDB does from the Parquet', async () => {
    await compareSelections();
  });

  it("counts the same by scans past the cube's cell limit", async () => {
    const cells = Number(
      (await (await duck()).one<{ n: bigint }>(`SELECT count(*) AS n FROM (SELECT DISTINCT ${CUBE_FACETS.join(', ')} FROM cube_src)`))!.n,
    );
    const { filter } = parseParams(new URLSearchParams('language=English'));
    const cube = () => session((c) => cubeCounts(c, filter));
    const limit = cubeLimit.maxCells;
    try {
      // At the limit the cube is kept; one combination past it, the scans answer.
      cubeLimit.maxCells = cells;
      expect(await cube()).toBeDefined();
      cubeLimit.maxCells = cells - 1;
      expect(await cube()).toBeUndefined();
      await compareSelections();
    } finally {
      cubeLimit.maxCells = limit;
    }
  });

  it('counts every facet in one pass beside a condition the cube cannot answer, as DuckDB does', async () => {
    await compareSelections(2);
  });

  it('leaves selections with other conditions to the scans', () => {
    for (const qs of [
      'q=the',
      'language=English&turns_min=2',
      'hashed_ip=x',
      'not_conversation_hash=y',
      'from=2023-06-01',
      'flagged=any',
      'min_harassment=0.5',
    ]) {
      expect(cubeAnswers(parseParams(new URLSearchParams(qs)).filter), qs).toBe(false);
    }
    expect(cubeAnswers(parseParams(new URLSearchParams('language=English&not_country=China&toxic=true&redacted=false')).filter)).toBe(true);
  });
});
