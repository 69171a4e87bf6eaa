// fast-check generators of hostile and of well-formed request parameters, shared by the API
// property tests. `hostileValue` is a decoded string; `rawPair` is a ready-encoded `key=value`
// piece that may also carry invalid percent-escapes a client could send on the wire.
import fc from 'fast-check';
import { CATEGORIES, underscored } from '@/lib/dataset/moderation';

export type Pair = [string, string];

export const KNOWN_KEYS = [
  'q',
  'role',
  'sort',
  'limit',
  'offset',
  'from',
  'to',
  'turns_min',
  'turns_max',
  'toxic',
  'redacted',
  'flagged',
  'language',
  'country',
  'state',
  'model',
  'hashed_ip',
  'conversation_hash',
  'not_language',
  'not_country',
  'not_model',
  'not_hashed_ip',
  ...CATEGORIES.map((c) => `min_${underscored(c)}`),
];

/** The kinds of bad input, named for the figures of docs/PERFORMANCE.md (Hardening). */
export const KINDS = {
  numbers: fc.oneof(
    fc.integer().map(String),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
    fc.double().map(String),
    fc.constantFrom(
      'NaN',
      '-Infinity',
      'Infinity',
      '1e309',
      '-1',
      '-0',
      '0x10',
      '1_000',
      '1.5',
      '٣',
      ' 5 ',
      '5abc',
      '00000000000000000001',
    ),
  ),
  dates: fc.oneof(
    fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
    fc.date({ min: new Date('1000-01-01'), max: new Date('3000-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom(
      '2023-02-30',
      '2023-13-01',
      '0000-01-01',
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20',
      '9999-12-31T23:59:60Z',
      '2023-04-09T25:00',
      '2023-04-09T10:00+99:99',
      '20230409',
      'yesterday',
    ),
  ),
  huge: fc.constantFrom('a', "'", '%', '€', '😀', '<', '\\', ' ').map((c) => c.repeat(Math.ceil(100_000 / c.length))),
  control: fc.oneof(
    fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }),
    fc.constantFrom('\u007f', '\u2028', '\ufeff', '\u202e', 'a\r\nSet-Cookie: x=1', '\u0000'),
  ),
  sql: fc.constantFrom(
    "' OR 1=1 --",
    "English' OR '1'='1",
    "'; DROP TABLE conversations; --",
    '" OR ""="',
    '1) UNION SELECT * FROM messages --',
    "\\'",
    '$1',
    '?',
    "%' --",
    '*/',
    "'||(SELECT version())||'",
    "1; ATTACH '/tmp/x.duckdb' AS x",
    "read_csv('/etc/passwd')",
    'NULL',
  ),
  paths: fc.constantFrom(
    '../',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%2e%2e%2f',
    '..%2f..%2f',
    '%252e%252e%252f',
    'a\u0000b',
    '/etc/passwd',
    'file:///etc/passwd',
    '~/.ssh/id_rsa',
    '.',
    '..',
    '/',
    '//',
    'con',
    'nul',
  ),
  unicode: fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
  markup: fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}'),
  plausible: fc.constantFrom(
    'true',
    'false',
    'any',
    'user',
    'assistant',
    'newest',
    'relevance',
    'English',
    'self-harm/intent',
    '0.5',
    '1',
    '',
    '9007199254740993',
    'f'.repeat(32),
  ),
};

export const hostileValue: fc.Arbitrary<string> = fc.oneof(...Object.values(KINDS));

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send them). */
export const encode = (s: string) =>
  [...new TextEncoder().encode(s)]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`))
    .join('');

/** Escapes that are not valid percent-encoded UTF-8, or that smuggle separators. */
export const RAW_ESCAPES = [
  '%',
  '%zz',
  '%C3%28',
  '%FF%FE',
  '%E0%80%AF',
  '%ED%A0%80',
  '%C0%AE%C0%AE%2F',
  '%00',
  '%0A',
  '%2e%2e%2f',
  '+',
  '%2B',
  '&&',
  '==',
  '=x=',
];

/** The chart options of /api/stats, besides the filters. */
export const STATS_KEYS = ['interval', 'stack', 'split', 'topic_split', 'format'];

const value = fc.oneof({ weight: 4, arbitrary: hostileValue.map(encode) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_ESCAPES) });
/** A `key=value` piece: mostly known keys (so repeats happen), some hostile ones. */
export const rawPairOver = (keys: string[]): fc.Arbitrary<Pair> =>
  fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileValue }).map(encode), value);
export const rawPair = rawPairOver(KNOWN_KEYS);

const CATEGORY = fc.constantFrom(...CATEGORIES);
const WORDS = ['the', 'code', 'python', 'write', 'hello', 'story', 'data', 'help', '你好', 'что'];

/** A well-formed filter over the fixture's real facet values: the server must answer 200. */
export function wellFormedFilter(values: Record<string, string[]>) {
  const some = (field: string) => fc.subarray(values[field] ?? [], { maxLength: 2 });
  const day = fc
    .date({ min: new Date('2023-04-01'), max: new Date('2024-06-30'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  return fc
    .record({
      language: some('language'),
      not_language: some('language'),
      country: some('country'),
      model: some('model'),
      toxic: fc.option(fc.boolean()),
      redacted: fc.option(fc.boolean()),
      turns: fc.option(fc.tuple(fc.nat(8), fc.nat(8))),
      dates: fc.option(fc.tuple(day, day)),
      flagged: fc.option(fc.oneof(fc.constant('any'), CATEGORY)),
      min: fc.option(fc.tuple(CATEGORY, fc.integer({ min: 0, max: 10 }))),
      q: fc.option(fc.subarray(WORDS, { minLength: 1, maxLength: 2 })),
      role: fc.option(fc.constantFrom('user', 'assistant')),
      sort: fc.constantFrom('newest', 'oldest', 'turns', 'moderation', 'relevance'),
      limit: fc.integer({ min: 1, max: 200 }),
      offset: fc.oneof(fc.nat(20), fc.nat(500)),
    })
    .map((r) => {
      const sp = new URLSearchParams();
      for (const f of ['language', 'not_language', 'country', 'model'] as const) for (const v of r[f]) sp.append(f, v);
      if (r.toxic !== null) sp.set('toxic', String(r.toxic));
      if (r.redacted !== null) sp.set('redacted', String(r.redacted));
      if (r.turns) {
        sp.set('turns_min', String(Math.min(...r.turns)));
        sp.set('turns_max', String(Math.max(...r.turns)));
      }
      if (r.dates) {
        sp.set('from', [...r.dates].sort()[0]!);
        sp.set('to', [...r.dates].sort()[1]!);
      }
      if (r.flagged) sp.set('flagged', r.flagged);
      if (r.min) sp.set(`min_${underscored(r.min[0])}`, r.min[1] === 10 ? '1' : `0.${r.min[1]}`);
      if (r.q) {
        sp.set('q', r.q.join(' '));
        if (r.role) sp.set('role', r.role);
      }
      sp.set('sort', r.sort === 'relevance' && !r.q ? 'newest' : r.sort);
      sp.set('limit', String(r.limit));
      sp.set('offset', String(r.offset));
      return { query: sp.toString(), limit: r.limit, offset: r.offset };
    });
}
