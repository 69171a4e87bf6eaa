// The published Parquet schemas, as DuckDB types: the generator casts to these, ingest detects by them.
import { CATEGORIES, DETOXIFY, WILDCHAT_CATEGORY_KEYS } from './moderation';

export type DatasetKind = 'wildchat' | 'wildchat-4.8m' | 'lmsys';
export const DATASET_KINDS: DatasetKind[] = ['wildchat', 'wildchat-4.8m', 'lmsys'];

const q = (k: string) => `"${k}"`;
const struct = (fields: [string, string][]) => `STRUCT(${fields.map(([k, t]) => `${q(k)} ${t}`).join(', ')})`;
const keys = (ks: readonly string[], t: string) => ks.map((k): [string, string] => [k, t]);

const header = struct([
  ['accept-language', 'VARCHAR'],
  ['user-agent', 'VARCHAR'],
]);
const moderation = (ks: readonly string[], extra: [string, string][] = []) =>
  `${struct([['categories', struct(keys(ks, 'BOOLEAN'))], ['category_scores', struct(keys(ks, 'DOUBLE'))], ['flagged', 'BOOLEAN'], ...extra])}[]`;
const detoxify = `${struct(keys(DETOXIFY, 'DOUBLE'))}[]`;

const FOUR_EIGHT_KEYS = [...WILDCHAT_CATEGORY_KEYS, 'illicit', 'illicit/violent', 'illicit_violent'].sort();

export interface Column {
  name: string;
  type: string;
}

export const SCHEMAS: Record<DatasetKind, Column[]> = {
  wildchat: [
    { name: 'conversation_hash', type: 'VARCHAR' },
    { name: 'model', type: 'VARCHAR' },
    { name: 'timestamp', type: 'TIMESTAMP WITH TIME ZONE' },
    {
      name: 'conversation',
      type: `${struct([
        ['content', 'VARCHAR'],
        ['country', 'VARCHAR'],
        ['hashed_ip', 'VARCHAR'],
        ['header', header],
        ['language', 'VARCHAR'],
        ['redacted', 'BOOLEAN'],
        ['role', 'VARCHAR'],
        ['state', 'VARCHAR'],
        ['timestamp', 'TIMESTAMP WITH TIME ZONE'],
        ['toxic', 'BOOLEAN'],
        ['turn_identifier', 'BIGINT'],
      ])}[]`,
    },
    { name: 'turn', type: 'BIGINT' },
    { name: 'language', type: 'VARCHAR' },
    { name: 'openai_moderation', type: moderation(WILDCHAT_CATEGORY_KEYS) },
    { name: 'detoxify_moderation', type: detoxify },
    { name: 'toxic', type: 'BOOLEAN' },
    { name: 'redacted', type: 'BOOLEAN' },
    { name: 'state', type: 'VARCHAR' },
    { name: 'country', type: 'VARCHAR' },
    { name: 'hashed_ip', type: 'VARCHAR' },
    { name: 'header', type: header },
  ],
  'wildchat-4.8m': [
    { name: 'conversation_hash', type: 'VARCHAR' },
    { name: 'model', type: 'VARCHAR' },
    { name: 'timestamp', type: 'TIMESTAMP' },
    {
      name: 'conversation',
      type: `${struct([
        ['content', 'VARCHAR'],
        ['country', 'VARCHAR'],
        ['created', 'TIMESTAMP'],
        ['hashed_ip', 'VARCHAR'],
        ['header', header],
        ['language', 'VARCHAR'],
        ['openai_id', 'VARCHAR'],
        ['redacted', 'BOOLEAN'],
        ['role', 'VARCHAR'],
        ['state', 'VARCHAR'],
        ['system_fingerprint', 'VARCHAR'],
        ['temperature', 'DOUBLE'],
        ['timestamp', 'TIMESTAMP'],
        ['token_counter', 'BIGINT'],
        ['top_p', 'DOUBLE'],
        ['toxic', 'BOOLEAN'],
        ['turn_identifier', 'BIGINT'],
        [
          'usage',
          struct([
            ['completion_tokens', 'BIGINT'],
            ['prompt_tokens', 'BIGINT'],
            ['total_tokens', 'BIGINT'],
          ]),
        ],
      ])}[]`,
    },
    { name: 'turn', type: 'BIGINT' },
    { name: 'language', type: 'VARCHAR' },
    {
      name: 'openai_moderation',
      type: moderation(FOUR_EIGHT_KEYS, [['category_applied_input_types', struct(keys(FOUR_EIGHT_KEYS, 'VARCHAR[]'))]]),
    },
    { name: 'detoxify_moderation', type: detoxify },
    { name: 'toxic', type: 'BOOLEAN' },
    { name: 'redacted', type: 'BOOLEAN' },
    { name: 'state', type: 'VARCHAR' },
    { name: 'country', type: 'VARCHAR' },
    { name: 'hashed_ip', type: 'VARCHAR' },
    { name: 'header', type: header },
  ],
  lmsys: [
    { name: 'conversation_id', type: 'VARCHAR' },
    { name: 'model', type: 'VARCHAR' },
    {
      name: 'conversation',
      type: `${struct([
        ['content', 'VARCHAR'],
        ['role', 'VARCHAR'],
      ])}[]`,
    },
    { name: 'turn', type: 'BIGINT' },
    { name: 'language', type: 'VARCHAR' },
    { name: 'openai_moderation', type: moderation(CATEGORIES) },
    { name: 'redacted', type: 'BOOLEAN' },
  ],
};

/** Columns whose presence decides the kind; the rest of each schema is read when present. */
export const REQUIRED: Record<DatasetKind, string[]> = {
  wildchat: [
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
  ],
  'wildchat-4.8m': [
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
  ],
  lmsys: ['conversation_id', 'model', 'conversation', 'turn', 'language', 'openai_moderation', 'redacted'],
};
