// SQL that generates WildChat-shaped conversations inside DuckDB. Every random choice is a hash of
// (seed, key, purpose), so the output depends on the seed alone, never on threads or timing.
import { CATEGORIES, DETOXIFY, WILDCHAT_CATEGORY_KEYS, underscored } from '../dataset/moderation';
import { SCHEMAS, type DatasetKind } from '../dataset/schemas';
import { literal } from '../db/duckdb';
import { CODE, HTML, IDENTIFIERS, REDACTIONS } from './snippets';
import { TOPICS, topicLanguage, topicShares } from './topics';
import { LANGUAGES } from './vocab';
import { COUNTRIES, FOUR_EIGHT_MODELS, GPT4_SHARE, HOME, LMSYS_MODELS, MODEL_ERAS, USER_AGENTS } from './world';

export const VOCABULARY = 40_000; // words per language, common ones first, then a syllable-made tail
export const SENTENCES = 200_000; // sentence pool of the largest language
const HEAVY_USERS = 20_000;
const TOPIC_WORDS = 0.3; // share of a topical sentence's words taken from its topic's vocabulary
const NEAR_DUPLICATES = 0.06; // share of conversations, in topics and languages that have boilerplate prompts, reusing one
const CODING = TOPICS.findIndex((t) => t.id === 'coding');
const START = '2023-04-09 00:00:00';
const END = '2024-04-30 23:59:59';

// list_sort over (key, value) pairs is much faster in DuckDB than an aggregate with ORDER BY.
const ordered = (expr: string, key: string) => `list_transform(list_sort(list({'k': ${key}, 'v': ${expr}})), x -> x.v)`;
const list = (xs: readonly string[]) => `[${xs.map(literal).join(', ')}]`;
const pick = (xs: readonly string[], h: string) => `${list(xs)}[1 + ((${h}) % ${xs.length})::INT]`;

/** Cumulative [lo, hi) ranges of weights normalised to 1. */
function ranges(weights: number[]): [number, number][] {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => [acc / total, (acc += w) / total]);
}

/** Sentence pool of the largest language: enough variety at full size, quick to build for samples. */
export const poolSize = (conversations: number) => Math.min(SENTENCES, Math.max(5000, Math.round(conversations / 4)));

export function setupSql(seed: number, conversations: number): string[] {
  const s = Math.trunc(seed);
  const langRows = ranges(LANGUAGES.map((l) => l.share)).map(([lo, hi], li) => {
    const l = LANGUAGES[li]!;
    const home = (HOME[l.name] ?? []).map((n) => COUNTRIES.findIndex((c) => c.name === n)).filter((g) => g >= 0);
    return `(${li}, ${literal(l.name)}, ${lo}, ${hi}, ${literal(l.joiner)}, ${literal(l.end)}, ${literal(l.acceptLanguage)}, ${list(l.words)}, ${list(l.syllables)}, [${home.join(', ')}]::INT[])`;
  });
  const shares = topicShares(LANGUAGES[0]!.share / LANGUAGES.reduce((a, l) => a + l.share, 0));
  const topicRows = [shares.english, shares.other].flatMap((ws, grp) => ranges(ws).map(([lo, hi], ti) => `(${grp}, ${ti}, ${lo}, ${hi})`));
  const sizes = topicPools(conversations);
  const topicLangRows = TOPICS.flatMap((t, ti) =>
    LANGUAGES.map((l, li) => {
      const tl = topicLanguage(t, l.name);
      return `(${ti}, ${li}, ${sizes[ti * LANGUAGES.length + li]}, ${list(tl.words)}::VARCHAR[], ${list(tl.templates)}::VARCHAR[], ${list(tl.nearDuplicates)}::VARCHAR[])`;
    }),
  );
  const geoRows = ranges(COUNTRIES.map((c) => c.weight)).map(
    ([lo, hi], gi) => `(${gi}, ${literal(COUNTRIES[gi]!.name)}, ${lo}, ${hi}, ${list(COUNTRIES[gi]!.states)}::VARCHAR[])`,
  );
  return [
    // hash(a, b, c) of DuckDB mixes its arguments weakly (hash(x, 21) and hash(x, 25) correlate), so
    // keys are combined with xor and hashed again.
    `CREATE OR REPLACE MACRO H(x, k) AS hash(xor(hash(x::BIGINT, ${s}), (k * 2654435761)::UBIGINT))`,
    `CREATE OR REPLACE MACRO H2(x, y, k) AS hash(xor(hash(x::BIGINT, ${s}), hash(y::BIGINT * 2654435761 + k)))`,
    `CREATE OR REPLACE MACRO U(x, k) AS (H(x, k) >> 11)::DOUBLE / 9007199254740992.0`,
    `CREATE OR REPLACE MACRO U2(x, y, k) AS (H2(x, y, k) >> 11)::DOUBLE / 9007199254740992.0`,
    `CREATE OR REPLACE TABLE lang (li INT, name VARCHAR, lo DOUBLE, hi DOUBLE, joiner VARCHAR, ending VARCHAR,
       accept VARCHAR, words VARCHAR[], syl VARCHAR[], home INT[])`,
    `INSERT INTO lang VALUES ${langRows.join(',\n')}`,
    // Topics by language group (0 English, 1 the others), and each topic's words and phrasings per language.
    `CREATE OR REPLACE TABLE topic (grp INT, ti INT, lo DOUBLE, hi DOUBLE)`,
    `INSERT INTO topic VALUES ${topicRows.join(', ')}`,
    `CREATE OR REPLACE TABLE topic_lang (ti INT, li INT, pool INT, words VARCHAR[], tpls VARCHAR[], dups VARCHAR[])`,
    `INSERT INTO topic_lang VALUES ${topicLangRows.join(',\n')}`,
    `CREATE OR REPLACE TABLE geo (gi INT, name VARCHAR, lo DOUBLE, hi DOUBLE, states VARCHAR[])`,
    `CREATE OR REPLACE TABLE lang_pool AS SELECT unnest(range(${LANGUAGES.length}))::INT AS li, unnest(${pools(conversations)}) AS pool`,
    `INSERT INTO geo VALUES ${geoRows.join(',\n')}`,
    `CREATE OR REPLACE TABLE lang_syl AS SELECT li, unnest(syl) AS s, generate_subscripts(syl, 1) - 1 AS si, len(syl) AS n FROM lang`,
    // Common words first, then words made of 2 to 4 syllables: one vocabulary per language.
    `CREATE OR REPLACE TABLE vocab AS
     WITH common AS (SELECT li, unnest(words) AS word, generate_subscripts(words, 1) - 1 AS rank, len(words) AS n FROM lang),
     tail AS (
       SELECT li, r AS rank, array_to_string(${ordered('ls.s', 'k')}, '') AS word
       FROM (SELECT li, r, k, (H2(li, r * 8 + k, 2) % nsyl)::INT AS si
             FROM (SELECT li, nsyl, r, unnest(range(2 + (H2(li, r, 1) % 3)::INT)) AS k
                   FROM (SELECT li, len(syl) AS nsyl FROM lang), range(${VOCABULARY}) t(r))) x
       JOIN lang_syl ls USING (li, si)
       GROUP BY li, r
     )
     SELECT t.li, t.rank, coalesce(c.word, t.word) AS word FROM tail t LEFT JOIN common c USING (li, rank)`,
    // Sentences of 3 to 20 words with Zipf-distributed ranks: P(rank r) ~ 1/(r+1). Larger languages get
    // larger pools, so that sentences repeat across conversations about as rarely at every size.
    `CREATE OR REPLACE TABLE sentences AS
     WITH w AS (
       SELECT li, sid, j, least(${VOCABULARY - 1}, floor(exp(U2(li * 1000000 + sid, j, 3) * ln(${VOCABULARY + 1})))::INT - 1) AS rank
       FROM (SELECT li, sid, unnest(range(3 + (H2(li, sid, 4) % 18)::INT)) AS j
             FROM (SELECT li, pool FROM lang_pool), range(${poolSize(conversations)}) t(sid) WHERE sid < pool)
     ), joined AS (
       SELECT w.li, w.sid, array_to_string(${ordered('CASE WHEN w.j = 0 THEN v.word ELSE l.joiner || v.word END', 'w.j')}, '') AS body
       FROM w JOIN vocab v USING (li, rank) JOIN (SELECT li, joiner FROM lang) l ON l.li = w.li GROUP BY w.li, w.sid
     )
     SELECT j.li, -1 AS ti, j.sid, upper(left(body, 1)) || substr(body, 2) || l.ending AS text
     FROM joined j JOIN (SELECT li, ending FROM lang) l USING (li)`,
    // Topical sentences, one pool per (topic, language): the same Zipf words with a share replaced by
    // the topic's words (Zipf-ranked too), so a topic shows in its text and function words stay common.
    `INSERT INTO sentences
     WITH w AS (
       SELECT ti, li, sid, j, U2(x, j, 5) < ${TOPIC_WORDS} AS tw, len(words) AS nw,
         least(${VOCABULARY - 1}, floor(exp(U2(x, j, 3) * ln(${VOCABULARY + 1})))::INT - 1) AS rank,
         floor(exp(U2(x, j, 6) * ln(len(words) + 1)))::INT AS trank
       FROM (SELECT ti, li, sid, x, words, unnest(range(3 + (H2(x, 0, 4) % 18)::INT)) AS j
             FROM (SELECT ti, li, sid, words, 1000000000::BIGINT + ti * 100000000::BIGINT + li * 1000000 + sid AS x
                   FROM topic_lang, range(${Math.max(...sizes)}) t(sid) WHERE sid < pool))
     ), joined AS (
       SELECT w.ti, w.li, w.sid, array_to_string(${ordered("CASE WHEN w.j = 0 THEN '' ELSE l.joiner END || CASE WHEN w.tw THEN tl.words[least(w.trank, w.nw)] ELSE v.word END", 'w.j')}, '') AS body
       FROM w JOIN vocab v USING (li, rank) JOIN (SELECT li, joiner FROM lang) l ON l.li = w.li
         JOIN topic_lang tl ON tl.ti = w.ti AND tl.li = w.li
       GROUP BY w.ti, w.li, w.sid
     )
     SELECT j.li, j.ti, j.sid, upper(left(body, 1)) || substr(body, 2) || l.ending AS text
     FROM joined j JOIN (SELECT li, ending FROM lang) l USING (li)`,
  ];
}

/** Each language's sentence pool size, as a SQL list indexed by language. */
function pools(conversations: number): string {
  const total = LANGUAGES.reduce((a, l) => a + l.share, 0);
  return `[${LANGUAGES.map((l) => Math.max(2000, Math.trunc((poolSize(conversations) * l.share) / total / (LANGUAGES[0]!.share / total)))).join(', ')}]`;
}

/** Each (topic, language) sentence pool size, indexed by topic * languages + language: its share of the language's pool. */
function topicPools(conversations: number): number[] {
  const general = JSON.parse(pools(conversations)) as number[];
  const total = TOPICS.reduce((a, t) => a + t.share, 0);
  return TOPICS.flatMap((t) => general.map((n) => Math.max(100, Math.round((n * t.share) / total))));
}

/** One shard: conversations [from, to) of `total`, as the SELECT a COPY writes. */
export function shardSql(kind: DatasetKind, seed: number, from: number, to: number, total: number): string[] {
  const s = Math.trunc(seed);
  const gpt4 = (era: 'gpt4' | 'gpt35') =>
    `CASE ${MODEL_ERAS[era].map(([d, m]) => `WHEN t0 < TIMESTAMPTZ '${d} 00:00:00+00' THEN '${m}'`).join(' ')} END`;
  const model =
    kind === 'lmsys'
      ? pick(LMSYS_MODELS, 'H(i, 61)')
      : kind === 'wildchat-4.8m'
        ? pick(FOUR_EIGHT_MODELS, 'H(i, 61)')
        : `CASE WHEN U(i, 60) < ${GPT4_SHARE} THEN ${gpt4('gpt4')} ELSE ${gpt4('gpt35')} END`;
  const catScores = CATEGORIES.map(
    (_, k) => `
      CASE WHEN content = '' THEN NULL
        WHEN tox = 2 AND mc = ${k} AND is_user THEN 0.45 + 0.55 * U2(c, m, ${100 + k})
        WHEN tox >= 1 AND mc = ${k} THEN 0.02 + 0.5 * U2(c, m, ${100 + k})
        ELSE pow(U2(c, m, ${100 + k}), 7) * 0.05 END AS s${k}`,
  ).join(',');
  const detox = DETOXIFY.map(
    (d, k) => `
      CASE WHEN content = '' THEN NULL
        WHEN tox = 2 AND is_user THEN ${d === 'toxicity' ? '0.55 + 0.45' : '0.6'} * U2(c, m, ${200 + k})
        ELSE pow(U2(c, m, ${200 + k}), 8) * 0.08 END AS d${k}`,
  ).join(',');
  const catIndex = (key: string) => CATEGORIES.findIndex((c) => underscored(c) === underscored(key));
  const catStruct = (keys: readonly string[], v: (k: number) => string) =>
    `{${keys.map((key) => `${literal(key)}: ${v(catIndex(key))}`).join(', ')}}`;
  const empty = `content = ''`;
  const moderation = (keys: readonly string[]) => `CASE WHEN ${empty}
      THEN {'categories': NULL, 'category_scores': NULL, 'flagged': NULL}
      ELSE {'categories': ${catStruct(keys, (k) => (k < 0 ? 'false' : `s${k} > 0.5`))},
            'category_scores': ${catStruct(keys, (k) => (k < 0 ? `pow(U2(c, m, 99), 9) * 0.01` : `s${k}`))},
            'flagged': flagged} END`;
  const typeOf = (name: string) => SCHEMAS[kind].find((c) => c.name === name)!.type;

  // The first user message opens with a phrasing of the topic, its slots filled with topic words;
  // near-duplicates reuse a boilerplate prompt with one substituted subject.
  const dup = `(U(g.c, 15) < ${NEAR_DUPLICATES} AND len(tl.dups) > 0)`;
  const slot = (k: number) => `tl.words[1 + (H(g.c, ${160 + k}) % len(tl.words))::INT]`;
  const first = [1, 2, 3, 4].reduce(
    (e, k) => `replace(${e}, '{${k}}', ${slot(k)})`,
    `CASE WHEN ${dup} THEN tl.dups[1 + (H(g.c, 16) % greatest(1, len(tl.dups)))::INT] ELSE tl.tpls[1 + (H(g.c, 16) % len(tl.tpls))::INT] END`,
  );

  const steps = [
    `CREATE OR REPLACE TEMP TABLE conv AS
     WITH base AS (
       SELECT i,
         CASE WHEN U(i, 1) < 0.25 THEN floor(exp(U(i, 2) * ln(${HEAVY_USERS})))::BIGINT
              ELSE ${HEAVY_USERS} + (H(i, 3) % ${Math.max(1, Math.floor(total / 2))})::BIGINT END AS usr,
         CASE WHEN U(i, 4) < 0.05 THEN -floor(exp(U(i, 5) * ln(100)))::BIGINT ELSE i END AS c,
         TIMESTAMPTZ '${START}+00' + to_microseconds(((i + U(i, 30)) / ${total} *
           epoch_us(TIMESTAMPTZ '${END}+00' - TIMESTAMPTZ '${START}+00'))::BIGINT) AS t0,
         to_microseconds((20e6 + U(i, 31) * 280e6)::BIGINT) AS gap
       FROM range(${from}, ${to}) t(i)
     ), u AS (
       SELECT *, (SELECT li FROM lang WHERE U(usr, 10) >= lo AND U(usr, 10) < hi) AS uli FROM base
     ), l AS (
       SELECT *, CASE WHEN c < 0 THEN (SELECT li FROM lang WHERE U(c, 11) >= lo AND U(c, 11) < hi)
                      WHEN U(i, 12) < 0.9 THEN uli
                      ELSE (SELECT li FROM lang WHERE U(i, 13) >= lo AND U(i, 13) < hi) END AS li
       FROM u
     ), tp AS (
       -- One latent topic per conversation; keyed on c, so exact repeats share it.
       SELECT *, (SELECT ti FROM topic WHERE grp = CASE WHEN li = 0 THEN 0 ELSE 1 END AND U(c, 14) >= lo AND U(c, 14) < hi) AS ti
       FROM l
     ), g AS (
       SELECT tp.*, CASE WHEN U(usr, 20) < 0.015 THEN NULL
                        WHEN U(usr, 21) < 0.7 AND len(lang.home) > 0 THEN lang.home[1 + floor(len(lang.home) * pow(U(usr, 25), 2))::INT]
                        ELSE (SELECT gi FROM geo WHERE U(usr, 22) >= lo AND U(usr, 22) < hi) END AS gi
       FROM tp JOIN lang ON lang.li = tp.uli
     )
     SELECT g.i, g.usr, g.c, g.li, g.ti, ${dup} AS dup, ${first} AS first, g.t0, g.gap, lang.name AS language, lang.accept, lang.joiner,
       geo.name AS country,
       CASE WHEN geo.name IS NULL OR len(geo.states) = 0 OR U(usr, 23) < 0.06 THEN NULL
            ELSE geo.states[1 + (H(usr, 24) % len(geo.states))::INT] END AS state,
       sha256('wildscope-${s}-' || usr) AS hashed_ip,
       ${pick(USER_AGENTS, 'H(usr, 26)')} AS ua,
       CASE WHEN c < 0 THEN 1
            WHEN U(c, 40) < 0.0004 THEN 100 + (H(c, 42) % 200)::INT
            ELSE least(60, floor(pow(greatest(U(c, 41), 1e-9), -1 / 1.6)))::INT END AS turns,
       CASE WHEN U(c, 50) < 0.04 THEN 2 WHEN U(c, 50) < 0.10 THEN 1 ELSE 0 END AS tox,
       (H(c, 51) % ${CATEGORIES.length})::INT AS mc,
       U(c, 52) < 0.02 AS red
     FROM g JOIN lang ON lang.li = g.li LEFT JOIN geo ON geo.gi = g.gi JOIN topic_lang tl ON tl.ti = g.ti AND tl.li = g.li`,
    `CREATE OR REPLACE TEMP TABLE msg AS
     SELECT * EXCLUDE (first), CASE WHEN m = 0 THEN first END AS first, m % 2 = 0 AS is_user, m // 2 AS k,
       CASE WHEN m % 2 = 1 THEN 4 + least(200, floor(pow(greatest(U2(c, m, 72), 1e-9), -0.6) * 9))::INT
            WHEN c < 0 THEN 1
            WHEN U2(c, m, 70) < 0.006 THEN 0
            WHEN dup AND m = 0 THEN 1
            WHEN U2(c, m, 71) < 0.0008 THEN 1500 + (H2(c, m, 73) % 2500)::INT
            ELSE least(400, floor(pow(greatest(U2(c, m, 72), 1e-9), -0.9) * 1.6))::INT END AS nb
     FROM (SELECT *, unnest(range(2 * turns)) AS m FROM conv)`,
    `CREATE OR REPLACE TEMP TABLE piece AS
     WITH b AS (
       SELECT i, m, c, li, ti, first, is_user, red, joiner, bn AS b, (hb >> 11)::DOUBLE / 9007199254740992.0 AS ub, hb,
         -- Topical sentences: most of the first message, about half of what follows.
         CASE WHEN U2(c, m * 100000 + bn, 83) < CASE WHEN m = 0 THEN 0.8 WHEN is_user THEN 0.5 ELSE 0.45 END THEN ti ELSE -1 END AS sti
       FROM (SELECT *, H2(c, m * 100000 + bn, 81) AS hb FROM (SELECT i, m, c, li, ti, first, is_user, red, joiner, unnest(range(nb)) AS bn FROM msg))
     )
     SELECT b.i, b.m, b.b, CASE
         WHEN m = 0 AND b.b = 0 THEN CASE WHEN U2(c, m, 82) < 0.02 THEN ${pick(HTML, 'hb')} || ' ' ELSE '' END || first
         WHEN is_user AND b.b = 0 AND U2(c, m, 82) < 0.02 THEN ${pick(HTML, 'hb')} || ' '
         WHEN is_user AND red AND ub < 0.06 THEN ' ' || ${pick(REDACTIONS, 'hb')} || ' '
         WHEN ub < 0.012 THEN ' ' || ${pick(IDENTIFIERS, 'hb')} || ' '
         WHEN is_user AND b.ti = ${CODING} AND ub < 0.15 THEN chr(10) || ${pick(
           CODE.map((x) => x[1]),
           'hb',
         )} || chr(10)
         WHEN NOT is_user AND b.b > 0 AND ub < CASE WHEN b.ti = ${CODING} THEN 0.2 ELSE 0.05 END THEN chr(10) || chr(10) || '\`\`\`' || ${pick(
           CODE.map((x) => x[0]),
           'hb',
         )} || chr(10) || ${pick(
           CODE.map((x) => x[1]),
           'hb',
         )} || chr(10) || '\`\`\`' || chr(10) || chr(10)
         WHEN is_user AND ub < 0.01 THEN chr(10) || ${pick(
           CODE.map((x) => x[1]),
           'hb',
         )} || chr(10)
         WHEN NOT is_user AND b.b > 0 AND ub < 0.09 THEN chr(10) || chr(10) || '### ' || s.text || chr(10)
         WHEN NOT is_user AND b.b > 0 AND ub < 0.24 THEN chr(10) || '- ' || s.text
         WHEN b.b > 0 AND ub < 0.34 THEN chr(10) || chr(10) || s.text
         WHEN b.b = 0 THEN s.text
         ELSE joiner || s.text END AS piece
     FROM b JOIN sentences s ON s.li = b.li AND s.ti = b.sti
       AND s.sid = (b.hb % CASE WHEN b.sti < 0 THEN ${pools(total)}[b.li + 1] ELSE ${`[${topicPools(total).join(', ')}]`}[b.sti * ${LANGUAGES.length} + b.li + 1] END)::INT`,
    `CREATE OR REPLACE TEMP TABLE scored AS
     WITH t AS (
       SELECT msg.* EXCLUDE (first), coalesce(trim(p.content), '') AS content
       FROM msg LEFT JOIN (SELECT i, m, array_to_string(${ordered('piece', 'b')}, '') AS content FROM piece GROUP BY i, m) p USING (i, m)
     ), sc AS (SELECT *, ${catScores}, ${detox} FROM t)
     SELECT *,
       CASE WHEN content = '' THEN NULL ELSE greatest(${CATEGORIES.map((_, k) => `s${k}`).join(', ')}) > 0.5 END AS flagged,
       CASE WHEN content = '' THEN false ELSE greatest(${CATEGORIES.map((_, k) => `s${k}`).join(', ')}) > 0.5 OR d6 > 0.5 END AS mtoxic,
       9007199254740993 + (i * 1000 + k) * 7 + CASE WHEN NOT is_user AND U2(i, m, 90) < 0.1 THEN 3 ELSE 0 END AS tid,
       t0 + gap * (k + 1) AS mts
     FROM sc`,
  ];

  const message =
    kind === 'lmsys'
      ? `{'content': content, 'role': CASE WHEN is_user THEN 'user' ELSE 'assistant' END}`
      : `{'content': content, 'country': CASE WHEN is_user THEN country END,
        ${kind === 'wildchat-4.8m' ? `'created': CASE WHEN NOT is_user THEN mts::TIMESTAMP END,` : ''}
        'hashed_ip': CASE WHEN is_user THEN hashed_ip END,
        'header': CASE WHEN is_user THEN {'accept-language': accept, 'user-agent': ua} END,
        'language': language,
        ${kind === 'wildchat-4.8m' ? `'openai_id': CASE WHEN NOT is_user THEN 'chatcmpl-' || left(md5(i || '-' || m), 24) END,` : ''}
        'redacted': content LIKE '%PRESIDIO_ANONYMIZED%',
        'role': CASE WHEN is_user THEN 'user' ELSE 'assistant' END,
        'state': CASE WHEN is_user THEN state END,
        ${kind === 'wildchat-4.8m' ? `'system_fingerprint': CASE WHEN NOT is_user THEN 'fp_' || left(md5(i::VARCHAR), 10) END, 'temperature': CASE WHEN NOT is_user THEN 1.0 END,` : ''}
        'timestamp': CASE WHEN NOT is_user THEN mts END,
        ${kind === 'wildchat-4.8m' ? `'token_counter': CASE WHEN NOT is_user THEN length(content) // 4 END, 'top_p': CASE WHEN NOT is_user THEN 1.0 END,` : ''}
        'toxic': mtoxic, 'turn_identifier': tid
        ${kind === 'wildchat-4.8m' ? `, 'usage': CASE WHEN NOT is_user THEN {'completion_tokens': length(content) // 4, 'prompt_tokens': 20 * k + 10, 'total_tokens': length(content) // 4 + 20 * k + 10} END` : ''}}`;
  const modKeys =
    kind === 'lmsys'
      ? CATEGORIES
      : kind === 'wildchat-4.8m'
        ? [...WILDCHAT_CATEGORY_KEYS, 'illicit', 'illicit/violent', 'illicit_violent'].sort()
        : WILDCHAT_CATEGORY_KEYS;
  let mod = moderation(modKeys);
  if (kind === 'wildchat-4.8m') {
    mod = `struct_insert(${mod}, category_applied_input_types := ${`{${modKeys.map((key) => `${literal(key)}: CASE WHEN ${empty} THEN NULL ELSE ['text'] END`).join(', ')}}`})`;
  }
  const detoxStruct = `{${DETOXIFY.map((d, k) => `${literal(d)}: d${k}`).join(', ')}}`;
  const ts = kind === 'wildchat-4.8m' ? '::TIMESTAMP' : '';

  const select =
    kind === 'lmsys'
      ? `SELECT md5('lmsys-${s}-' || i) AS conversation_id, any_value(${model}) AS model,
         CAST(${ordered(message, 'm')} AS ${typeOf('conversation')}) AS conversation,
         any_value(turns)::BIGINT AS turn, any_value(language) AS language,
         CAST(${ordered(mod, 'm')} AS ${typeOf('openai_moderation')}) AS openai_moderation,
         bool_or(content LIKE '%PRESIDIO_ANONYMIZED%') AS redacted
       FROM scored GROUP BY i ORDER BY i`
      : `SELECT md5(array_to_string(${ordered('content', 'm')}, chr(0))) AS conversation_hash,
         any_value(${model}) AS model,
         max(mts)${ts} AS "timestamp",
         CAST(${ordered(message, 'm')} AS ${typeOf('conversation')}) AS conversation,
         any_value(turns)::BIGINT AS turn, any_value(language) AS language,
         CAST(${ordered(mod, 'm')} AS ${typeOf('openai_moderation')}) AS openai_moderation,
         CAST(${ordered(`CASE WHEN ${empty} THEN {${DETOXIFY.map((d) => `${literal(d)}: NULL::DOUBLE`).join(', ')}} ELSE ${detoxStruct} END`, 'm')} AS ${typeOf('detoxify_moderation')}) AS detoxify_moderation,
         bool_or(mtoxic) AS toxic, bool_or(content LIKE '%PRESIDIO_ANONYMIZED%') AS redacted,
         any_value(state) AS state, any_value(country) AS country, any_value(hashed_ip) AS hashed_ip,
         CAST({'accept-language': any_value(accept), 'user-agent': any_value(ua)} AS ${typeOf('header')}) AS header
       FROM scored GROUP BY i ORDER BY i`;
  return [...steps, select];
}

/** Drops a shard's temporary tables once it is written, so the next shard starts with that memory free (see index.ts's memory limit). */
/** The latent topic of each conversation of the shard just generated, for tests: file, row, topic, language. */
export const truthSql = (file: string, from: number) =>
  `SELECT ${literal(file)} AS file, (i - ${from})::BIGINT AS row, ${list(TOPICS.map((t) => t.id))}[ti + 1] AS topic,
     language, dup AS near_duplicate FROM conv ORDER BY i`;

export const shardCleanupSql = (): string[] => ['scored', 'piece', 'msg', 'conv'].map((t) => `DROP TABLE IF EXISTS temp.${t}`);
