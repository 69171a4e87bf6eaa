import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duck, parquet, scalar } from '../../test/duck';
import { FOUR_EIGHT, LMSYS, WILDCHAT } from '../../test/fixtures';
import { generate } from '.';

// Field lists as the WildChat-1M dataset card publishes them (not taken from the generator's code).
const CARD_TOP = [
  'conversation_hash',
  'model',
  'timestamp',
  'conversation',
  'turn',
  'language',
  'openai_moderation',
  'detoxify_moderation',
  'toxic',
  'redacted',
  'state',
  'country',
  'hashed_ip',
  'header',
];
const CARD_MESSAGE = [
  'content',
  'country',
  'hashed_ip',
  'header',
  'language',
  'redacted',
  'role',
  'state',
  'timestamp',
  'toxic',
  'turn_identifier',
];
const CARD_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'harassment_threatening',
  'hate',
  'hate/threatening',
  'hate_threatening',
  'self-harm',
  'self-harm/instructions',
  'self-harm/intent',
  'self_harm',
  'self_harm_instructions',
  'self_harm_intent',
  'sexual',
  'sexual/minors',
  'sexual_minors',
  'violence',
  'violence/graphic',
  'violence_graphic',
];
const CARD_DETOXIFY = ['identity_attack', 'insult', 'obscene', 'severe_toxicity', 'sexual_explicit', 'threat', 'toxicity'];

/** Top-level field names of a DuckDB STRUCT type string. */
function structFields(type: string): string[] {
  const body = type.slice(type.indexOf('(') + 1, type.lastIndexOf(')'));
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' && depth === 0) || i === body.length) {
      names.push(/^\s*"?([^" ]+)"?/.exec(body.slice(start, i))![1]!);
      start = i + 1;
    }
  }
  return names;
}

const sha = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) =>
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    );

async function describeFile(dir: string) {
  return (await duck()).all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${parquet(dir)}`);
}

describe('generator', () => {
  it('writes the published WildChat-1M schema column for column', async () => {
    const cols = await describeFile(WILDCHAT.dir);
    expect(cols.map((c) => c.column_name)).toEqual(CARD_TOP);
    const type = Object.fromEntries(cols.map((c) => [c.column_name, c.column_type]));
    expect(type.timestamp).toBe('TIMESTAMP WITH TIME ZONE');
    expect(type.turn).toBe('BIGINT');
    expect(structFields(type.conversation!)).toEqual(CARD_MESSAGE);
    const cats = /categories (STRUCT\([^)]*\))/.exec(type.openai_moderation!)![1]!;
    expect(structFields(cats)).toEqual(CARD_CATEGORIES);
    expect(structFields(type.detoxify_moderation!)).toEqual(CARD_DETOXIFY);
    const meta = await (
      await duck()
    ).all<{ name: string; logical_type: string }>(
      `SELECT name, logical_type::VARCHAR AS logical_type FROM parquet_schema('${join(WILDCHAT.dir, 'train-00000-of-00002.parquet')}') WHERE name = 'timestamp'`,
    );
    expect(meta[0]?.logical_type).toMatch(/isAdjustedToUTC=1/);
    expect(meta[0]?.logical_type).toMatch(/MICROS/);
  });

  it('writes the LMSYS-Chat-1M and WildChat-4.8M shapes', async () => {
    expect((await describeFile(LMSYS.dir)).map((c) => c.column_name)).toEqual([
      'conversation_id',
      'model',
      'conversation',
      'turn',
      'language',
      'openai_moderation',
      'redacted',
    ]);
    const four = Object.fromEntries((await describeFile(FOUR_EIGHT.dir)).map((c) => [c.column_name, c.column_type]));
    expect(four.timestamp).toBe('TIMESTAMP');
    for (const f of ['created', 'openai_id', 'temperature', 'top_p', 'token_counter', 'system_fingerprint', 'usage']) {
      expect(four.conversation).toContain(f);
    }
    expect(four.openai_moderation).toContain('illicit');
    expect(four.openai_moderation).toContain('category_applied_input_types');
  });

  it('names shards like the release and gives the same bytes for the same seed', async () => {
    expect(readdirSync(WILDCHAT.dir).sort()).toEqual(['train-00000-of-00002.parquet', 'train-00001-of-00002.parquet']);
    const again = mkdtempSync(join(tmpdir(), 'ws-gen-'));
    await generate({ ...WILDCHAT, out: again, schema: 'wildchat', shards: 2 });
    expect(sha(again)).toEqual(sha(WILDCHAT.dir));
    const other = mkdtempSync(join(tmpdir(), 'ws-gen-'));
    await generate({ ...WILDCHAT, seed: WILDCHAT.seed + 1, out: other, schema: 'wildchat', shards: 2 });
    expect(sha(other)).not.toEqual(sha(WILDCHAT.dir));
  });

  it('has the quirks of the real data', async () => {
    const T = parquet(WILDCHAT.dir);
    expect(await scalar(`SELECT count(*) FROM ${T}`)).toBe('400');
    // Empty user messages carry moderation entries whose every field is NULL.
    const empties = await scalar<string>(`SELECT count(*) FROM (SELECT unnest(conversation) m, unnest(openai_moderation) o FROM ${T})
      WHERE m.content = '' AND o.flagged IS NULL AND o.category_scores IS NULL`);
    expect(Number(empties)).toBeGreaterThan(0);
    expect(Number(await scalar(`SELECT count(*) FROM ${T} WHERE country IS NULL OR state IS NULL`))).toBeGreaterThan(0);
    expect(Number(await scalar(`SELECT count(*) - count(DISTINCT conversation_hash) FROM ${T}`))).toBeGreaterThan(0);
    expect(Number(await scalar(`SELECT max(n) FROM (SELECT count(*) n FROM ${T} GROUP BY hashed_ip)`))).toBeGreaterThan(3);
    // Text in each language's own script.
    expect(
      await scalar<boolean>(`SELECT bool_or(regexp_matches(conversation[1].content, '\\p{Han}')) FROM ${T} WHERE language = 'Chinese'`),
    ).toBe(true);
    expect(
      await scalar<boolean>(
        `SELECT bool_or(regexp_matches(conversation[1].content, '\\p{Cyrillic}')) FROM ${T} WHERE language = 'Russian'`,
      ),
    ).toBe(true);
    expect(
      Number(
        await scalar(
          `SELECT count(*) FROM (SELECT unnest(conversation) m FROM ${T}) WHERE m.role = 'assistant' AND m.content LIKE '%\`\`\`%'`,
        ),
      ),
    ).toBeGreaterThan(0);
    expect(await scalar(`SELECT min(conversation[1].turn_identifier)::VARCHAR FROM ${T}`)).toBe('9007199254740993');
  });
});
