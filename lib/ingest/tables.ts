// SQL that flattens one Parquet file into the index's message and conversation tables. A turn's
// own geography and headers are not kept per message: pages show the conversation's. Message text
// is not kept in DuckDB either: it goes to the text store (text/store.ts) in the same order.
import { CATEGORIES, DETOXIFY, underscored } from '../dataset/moderation';
import type { DatasetKind } from '../dataset/schemas';
import { literal, type Connection } from '../db/duckdb';
import { FEW_VALUED_FACETS } from '../filters/fields';
import { detoxBinSql, modBinSql } from '../stats/bins';
import type { FileSchema } from './detect';

const u = underscored;

export const MESSAGES_DDL = `CREATE TABLE messages (
  conv UINTEGER, pos USMALLINT, role VARCHAR, n_chars INTEGER, turn_identifier BIGINT, ts TIMESTAMPTZ,
  language VARCHAR, toxic BOOLEAN, redacted BOOLEAN, flagged BOOLEAN,
  ${CATEGORIES.map((c) => `s_${u(c)} DOUBLE`).join(', ')},
  ${CATEGORIES.map((c) => `f_${u(c)} BOOLEAN`).join(', ')},
  ${DETOXIFY.map((d) => `d_${d} DOUBLE`).join(', ')},
  ${CATEGORIES.map((c) => `bo_${u(c)} UTINYINT`).join(', ')},
  ${DETOXIFY.map((d) => `bd_${d} UTINYINT`).join(', ')})`;

export const CONVERSATIONS_DDL = `CREATE TABLE conversations (
  idx UINTEGER, id VARCHAR, conversation_hash VARCHAR, model VARCHAR, ts TIMESTAMPTZ, first_ts TIMESTAMPTZ,
  turns INTEGER, language VARCHAR, country VARCHAR, state VARCHAR, hashed_ip VARCHAR, toxic BOOLEAN,
  redacted BOOLEAN, accept_language VARCHAR, user_agent VARCHAR, preview VARCHAR, n_messages INTEGER,
  n_chars BIGINT, flagged BOOLEAN, max_moderation DOUBLE,
  ${CATEGORIES.map((c) => `m_${u(c)} DOUBLE`).join(', ')},
  ${CATEGORIES.map((c) => `f_${u(c)} BOOLEAN`).join(', ')},
  ${DETOXIFY.map((d) => `d_${d} DOUBLE`).join(', ')},
  source VARCHAR, source_row BIGINT, dataset VARCHAR)`;

/**
 * Columns that facets and charts group by, stored as ENUMs when they hold few distinct values:
 * DuckDB groups an ENUM as a small integer, much faster than the strings. A large dictionary costs
 * every query that reads the column (as one of every hashed IP would), hence the cap; past it a
 * column stays VARCHAR. Values are created in VARCHAR order, so ORDER BY sorts them as it sorted strings.
 */
// The few-valued facets; unlike the facet cube's list, which one is an ENUM is decided per index by ENUM_MAX_VALUES.
export const ENUM_COLUMNS = FEW_VALUED_FACETS;
export const ENUM_MAX_VALUES = 2048;

export async function encodeFewValued(conn: Connection, maxValues = ENUM_MAX_VALUES): Promise<string[]> {
  const encoded: string[] = [];
  for (const col of ENUM_COLUMNS) {
    const n = (await conn.one<{ n: number }>(`SELECT count(DISTINCT ${col})::INTEGER AS n FROM conversations`))!.n;
    if (n === 0 || n > maxValues) continue;
    await conn.run(`CREATE TYPE ${col}_value AS ENUM (SELECT DISTINCT ${col} FROM conversations WHERE ${col} IS NOT NULL ORDER BY 1)`);
    await conn.run(`ALTER TABLE conversations ALTER ${col} TYPE ${col}_value`);
    encoded.push(col);
  }
  return encoded;
}

/**
 * Numbers users (hashed IPs) 0, 1, ... in the order of their strings into `users`, and stores each
 * conversation's number as conversations.user_id. The top users facet groups by that number,
 * faster than by the 64-character strings, and numbers in string order break ties at the cut as
 * the strings did.
 */
export async function numberUsers(conn: Connection): Promise<void> {
  await conn.run(`CREATE TABLE users AS SELECT (row_number() OVER (ORDER BY hashed_ip) - 1)::UINTEGER AS uid, hashed_ip
    FROM (SELECT DISTINCT hashed_ip FROM conversations WHERE hashed_ip IS NOT NULL) ORDER BY uid`);
  await conn.run('ALTER TABLE conversations ADD COLUMN user_id UINTEGER');
  await conn.run('UPDATE conversations SET user_id = users.uid FROM users WHERE users.hashed_ip = conversations.hashed_ip');
}

const has = (type: string | undefined, key: string, t: string) =>
  !!type && (type.includes(`"${key}" ${t}`) || new RegExp(`[(, ]${key} ${t}`).test(type));

/** Both spellings of a category folded into one value; NULL when the file has neither. */
function fold(type: string | undefined, path: string, c: string, t: 'DOUBLE' | 'BOOLEAN'): string {
  const keys = [...new Set([c, u(c)])].filter((k) => has(type, k, t)).map((k) => `${path}."${k}"`);
  if (keys.length === 0) return `NULL::${t}`;
  if (keys.length === 1) return keys[0]!;
  return t === 'DOUBLE' ? `greatest(${keys.join(', ')})` : `(${keys.join(' OR ')})`;
}

const source = (file: string, base: number) =>
  `(SELECT (${base} + file_row_number)::UINTEGER AS conv, * FROM read_parquet(${literal(file)}, file_row_number = true))`;

export function insertMessagesSql(file: string, base: number, schema: FileSchema): string {
  const mod = schema.columns.get('openai_moderation');
  const detox = schema.columns.has('detoxify_moderation');
  // Copies made by other tools may lack per-message fields (LMSYS has none of these): NULL then.
  const messageType = schema.columns.get('conversation');
  const field = (key: string, t: string) => (has(messageType, key, t) ? `m."${key}"` : `NULL::${t}`);
  return `INSERT INTO messages SELECT conv, pos::USMALLINT, m.role, length(m.content)::INTEGER,
      ${field('turn_identifier', 'BIGINT')}, ${field('timestamp', 'TIMESTAMP')}::TIMESTAMPTZ,
      ${field('language', 'VARCHAR')}, ${field('toxic', 'BOOLEAN')}, ${field('redacted', 'BOOLEAN')}, o.flagged,
      ${CATEGORIES.map((c) => fold(mod, 'o.category_scores', c, 'DOUBLE')).join(', ')},
      ${CATEGORIES.map((c) => fold(mod, 'o.categories', c, 'BOOLEAN')).join(', ')},
      ${DETOXIFY.map((d) => (detox ? `d.${d}` : 'NULL::DOUBLE')).join(', ')},
      ${CATEGORIES.map((c) => modBinSql(fold(mod, 'o.category_scores', c, 'DOUBLE'), fold(mod, 'o.categories', c, 'BOOLEAN'))).join(', ')},
      ${DETOXIFY.map((d) => (detox ? detoxBinSql(`d.${d}`) : 'NULL::UTINYINT')).join(', ')}
    FROM (SELECT conv, unnest(conversation) AS m, unnest(openai_moderation) AS o,
            ${detox ? 'unnest(detoxify_moderation)' : 'NULL'} AS d, unnest(range(len(conversation))) AS pos
          FROM ${source(file, base)})`;
}

export function insertConversationsSql(file: string, base: number, rows: number, kind: DatasetKind, dataset: string): string {
  const lmsys = kind === 'lmsys';
  const top = (col: string, t = 'VARCHAR') => (lmsys ? `NULL::${t}` : `p.${col}`);
  return `INSERT INTO conversations
    WITH agg AS (
      SELECT conv, count(*) AS n_messages, sum(n_chars) AS n_chars, bool_or(flagged) AS flagged,
        arg_min(turn_identifier, pos)::VARCHAR AS first_tid, min(ts) AS first_ts,
        ${CATEGORIES.map((c) => `max(s_${u(c)}) AS m_${u(c)}`).join(', ')},
        ${CATEGORIES.map((c) => `bool_or(f_${u(c)}) AS f_${u(c)}`).join(', ')},
        ${DETOXIFY.map((d) => `max(d_${d}) AS d_${d}`).join(', ')}
      FROM messages WHERE conv >= ${base} AND conv < ${base + rows} GROUP BY conv
    )
    SELECT p.conv, coalesce(${lmsys ? 'p.conversation_id' : 'agg.first_tid'}, ${derivedIdSql(lmsys ? 'NULL::TIMESTAMP' : 'p."timestamp"')}),
      ${top('conversation_hash')}, p.model,
      ${lmsys ? 'NULL::TIMESTAMPTZ' : 'p."timestamp"::TIMESTAMPTZ'}, agg.first_ts, p.turn::INTEGER, p.language,
      ${top('country')}, ${top('state')}, ${top('hashed_ip')}, ${top('toxic', 'BOOLEAN')}, p.redacted,
      ${lmsys ? 'NULL, NULL' : 'p.header."accept-language", p.header."user-agent"'},
      left(list_filter(p.conversation, lambda m: m.role = 'user' AND m.content <> '')[1].content, 300),
      agg.n_messages::INTEGER, agg.n_chars, agg.flagged,
      greatest(${CATEGORIES.map((c) => `agg.m_${u(c)}`).join(', ')}),
      ${CATEGORIES.map((c) => `agg.m_${u(c)}`).join(', ')},
      ${CATEGORIES.map((c) => `agg.f_${u(c)}`).join(', ')},
      ${DETOXIFY.map((d) => `agg.d_${d}`).join(', ')},
      ${literal(file)}, p.conv - ${base}, ${literal(dataset)}
    FROM ${source(file, base)} p LEFT JOIN agg USING (conv) ORDER BY p.conv`;
}

/**
 * The id of a conversation its file does not name (no turn identifier on its first turn, no LMSYS
 * conversation_id): "c" and 20 hex digits of the MD5 of its model, its timestamp in microseconds
 * since 1970 and each message's role and content, so the same file contents give the same id on
 * every ingest. Exact copies are told apart afterwards by numberDerivedCopies.
 */
function derivedIdSql(timestamp: string): string {
  const messages = `array_to_string(list_transform(p.conversation, m -> coalesce(m.role, '') || chr(30) || coalesce(m.content, '')), chr(29))`;
  return `'c' || left(md5(concat_ws(chr(31), coalesce(p.model, ''), coalesce(epoch_us(${timestamp})::VARCHAR, ''), ${messages})), 20)`;
}

export const DERIVED_ID = /^c[0-9a-f]{20}(-\d+)?$/;

/**
 * Exact copies of a conversation without an id got the same derived one: the second is suffixed -2,
 * the third -3, in file order. Per dataset: a copy in another dataset is the same conversation there.
 */
export async function numberDerivedCopies(conn: Connection): Promise<void> {
  await conn.run(`UPDATE conversations SET id = conversations.id || '-' || d.n::VARCHAR FROM (
      SELECT idx, row_number() OVER (PARTITION BY dataset, id ORDER BY idx) AS n FROM conversations
      WHERE regexp_full_match(id, 'c[0-9a-f]{20}')) d
    WHERE conversations.idx = d.idx AND d.n > 1`);
}

/**
 * Messages of one file as (conv, role, content), in the order insertMessagesSql inserts them: the
 * tokenizer's and the text store's input.
 */
export function messageTextSql(file: string, base: number): string {
  return `SELECT conv, m.role, m.content
    FROM (SELECT conv, unnest(conversation) AS m FROM ${source(file, base)})`;
}
