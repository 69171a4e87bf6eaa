// Configuration from the environment: every setting is declared once in SETTINGS, with its
// default and grammar, and checked at start (scripts/start.ts, scripts/ingest.ts, instrumentation.ts)
// so a mistyped value stops the server with a message instead of breaking every request.
import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';

type Env = Record<string, string | undefined>;

interface Setting<T> {
  /** The environment variable. */
  name: string;
  /** What a user may write, for the message that refuses a bad value. */
  allowed: string;
  fallback: T;
  /** The value, or undefined when `raw` is not allowed. */
  parse: (raw: string) => T | undefined;
  /** A value the grammar allows may still be wrong in a way worth naming (a dataset's name). */
  check?: (raw: string) => string | undefined;
}

/** One dataset of WILDSCOPE_DATA: `name=path`, or a bare path (named by its detected kind at ingest). */
export interface DataSource {
  name?: string;
  path: string;
}

export const DATASET_NAME = /^[a-z0-9-]{1,32}$/;

/**
 * WILDSCOPE_DATA as datasets. `name=path;name=path` when every entry has a name before its `=`
 * (no slash before it, so a bare path holding `=` stays a path); otherwise one bare path.
 */
export function dataSources(raw: string): DataSource[] {
  const entries = raw
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const named = entries.length > 0 && entries.every((e) => /^[^=/\\]+=/.test(e));
  if (!named) return [{ path: raw.trim() }];
  return entries.map((e) => {
    const at = e.indexOf('=');
    return { name: e.slice(0, at).trim(), path: e.slice(at + 1).trim() };
  });
}

/** What is wrong with WILDSCOPE_DATA's names, or undefined. */
function dataProblem(raw: string): string | undefined {
  const seen = new Set<string>();
  for (const d of dataSources(raw)) {
    if (d.name === undefined) continue;
    if (!DATASET_NAME.test(d.name)) return `the dataset name ${JSON.stringify(d.name)} is not allowed: use 1 to 32 of a-z, 0-9 and -`;
    if (seen.has(d.name)) return `the dataset name ${JSON.stringify(d.name)} is given twice`;
    if (d.path === '') return `the dataset ${d.name} has no path after its =`;
    seen.add(d.name);
  }
  return undefined;
}

const wholeNumber =
  (min: number, max: number) =>
  (raw: string): number | undefined => {
    if (!/^\d{1,16}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };
const text = (raw: string): string | undefined => (raw === '' ? undefined : raw);

const setting = <T>(s: Setting<T>) => s;

export const SETTINGS = {
  data: setting({
    name: 'WILDSCOPE_DATA',
    allowed: 'a Parquet file, a folder or a glob, or several datasets as name=path entries separated by ;',
    fallback: '',
    parse: text,
    check: (raw: string) => dataProblem(raw),
  }),
  vectors: setting({
    name: 'WILDSCOPE_VECTORS',
    allowed: 'a Parquet file with columns id and vector (a list of numbers) for the topic map',
    fallback: '',
    parse: text,
  }),
  cache: setting({ name: 'WILDSCOPE_CACHE', allowed: 'a folder for the derived index', fallback: 'data/cache', parse: text }),
  index: setting({
    name: 'WILDSCOPE_INDEX',
    allowed: 'a folder holding a built index, served read-only and never rebuilt (docs/DEPLOY.md)',
    fallback: '',
    parse: text,
  }),
  processes: setting({
    name: 'WILDSCOPE_PROCESSES',
    allowed: 'a whole number of server processes from 1 to 256',
    fallback: 0, // 0: defaultProcesses()
    parse: wholeNumber(1, 256),
  }),
  port: setting({ name: 'PORT', allowed: 'a port number from 1 to 65535', fallback: 3000, parse: wholeNumber(1, 65535) }),
  host: setting({
    name: 'HOST',
    allowed: 'an address or host name to listen on, without spaces',
    fallback: '127.0.0.1',
    parse: (raw) => (/^[^\s/]+$/.test(raw) ? raw : undefined),
  }),
  memory: setting({
    name: 'WILDSCOPE_MEMORY',
    allowed: 'a size such as 2GB, 512MB or 4GiB',
    fallback: '2GB',
    parse: (raw) => (/^\d+(\.\d+)?\s*(B|[KMGT]i?B)$/i.test(raw) ? raw : undefined),
  }),
  queryTimeoutMs: setting({
    name: 'WILDSCOPE_QUERY_TIMEOUT_MS',
    allowed: 'a whole number of milliseconds from 100 to 3600000',
    fallback: 10_000,
    parse: wholeNumber(100, 3_600_000),
  }),
  exportMaxRows: setting({
    name: 'WILDSCOPE_EXPORT_MAX_ROWS',
    allowed: 'a whole number of at least 1',
    fallback: 1_000_000,
    parse: wholeNumber(1, 1e10),
  }),
  matchCacheSeconds: setting({
    name: 'WILDSCOPE_MATCH_CACHE_SECONDS',
    allowed: 'a whole number of seconds, 0 or more',
    fallback: 300,
    parse: wholeNumber(0, 1e7),
  }),
};

type Settings = { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K]['fallback'] };

export class ConfigError extends Error {}

const shown = (raw: string) => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);

/** Every setting's value, or a ConfigError naming each bad variable, its value and what is allowed. */
export function readSettings(env: Env = process.env): Settings {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(SETTINGS) as [keyof Settings, Setting<unknown>][]) {
    const raw = env[s.name]?.trim();
    if (raw === undefined || raw === '') {
      out[key] = s.fallback;
      continue;
    }
    const value = s.parse(raw);
    const problem = value === undefined ? undefined : s.check?.(raw);
    if (value === undefined) problems.push(`${s.name}=${shown(raw)} is not allowed: use ${s.allowed}`);
    else if (problem) problems.push(`${s.name}=${shown(raw)}: ${problem}`);
    out[key] = value;
  }
  const known = new Set(Object.values(SETTINGS).map((s) => s.name));
  for (const name of Object.keys(env)) {
    if (name.startsWith('WILDSCOPE_') && !known.has(name)) {
      problems.push(
        `${name} is not a Wildscope setting (the settings are ${[...known].filter((n) => n.startsWith('WILDSCOPE_')).join(', ')})`,
      );
    }
  }
  if (problems.length) throw new ConfigError(`bad configuration:\n  ${problems.join('\n  ')}`);
  return out as Settings;
}

export interface Config {
  data: string; // WILDSCOPE_DATA as given, paths resolved (the bundled sample's datasets by default)
  datasets: DataSource[]; // its datasets, in configuration order
  sample: boolean; // WILDSCOPE_DATA unset: the bundled synthetic sample
  cache: string; // folder of the derived index (WILDSCOPE_INDEX's when set)
  readOnly: boolean; // WILDSCOPE_INDEX: serve the index in `cache` as it is, never build or write there
  processes: number; // server processes sharing the port
  vectors: string | undefined; // the map's vectors file, if the user brings vectors
  port: number;
  host: string;
}

export const SAMPLE_DIR = 'data/sample';
/** The bundled sample: a WildChat-shaped dataset and a small LMSYS-shaped one beside it (scripts/start.ts generates them). */
export const SAMPLE_DATASETS = [
  { name: 'wildchat', kind: 'wildchat', conversations: 3000, seed: 20230409 },
  { name: 'lmsys', kind: 'lmsys', conversations: 600, seed: 20230922 },
] as const;

export function config(env: Env = process.env): Config {
  const root = process.cwd();
  const s = readSettings(env);
  const at = (p: string) => (/[*?[]/.test(p) ? p : resolve(/*turbopackIgnore: true*/ root, p));
  const datasets = s.data
    ? dataSources(s.data).map((d) => ({ ...d, path: at(d.path) }))
    : SAMPLE_DATASETS.map((d) => ({ name: d.name, path: resolve(/*turbopackIgnore: true*/ root, SAMPLE_DIR, d.name) }));
  return {
    data: datasets.map((d) => (d.name === undefined ? d.path : `${d.name}=${d.path}`)).join(';'),
    datasets,
    sample: !s.data,
    cache: resolve(/*turbopackIgnore: true*/ root, s.index || s.cache),
    readOnly: s.index !== '',
    processes: s.processes || defaultProcesses(),
    vectors: s.vectors ? resolve(/*turbopackIgnore: true*/ root, s.vectors) : undefined,
    port: s.port,
    host: s.host,
  };
}

/**
 * One server process per core, but no more than one per 4 GB of memory: a process holds DuckDB's
 * memory limit (WILDSCOPE_MEMORY, 2 GB by default) and its own Node heap and caches; the index's
 * files are shared through the page cache.
 */
export const defaultProcesses = (): number => Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 4e9)));

export const INDEX_FILE = 'index.duckdb';
export const STATUS_FILE = 'status.json';

/** The most conversations one CSV or JSONL export carries; a larger selection is cut and says so. */
export const exportMaxRows = (env: Env = process.env): number => readSettings(env).exportMaxRows;

/** How long a search's matches stay for the next request with the same query and scope (0: only while computed). */
export const matchCacheSeconds = (env: Env = process.env): number => readSettings(env).matchCacheSeconds;

/** A query running longer is interrupted and answered with 503. */
export const queryTimeoutMs = (env: Env = process.env): number => readSettings(env).queryTimeoutMs;

/** DuckDB's memory limit in the server. */
export const serverMemory = (env: Env = process.env): string => readSettings(env).memory;

/** Checks every setting, or prints what is wrong and exits: the first thing a start does. */
export function settingsOrExit(env: Env = process.env): void {
  try {
    readSettings(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`Wildscope cannot start: ${e.message}`);
    process.exit(1);
  }
}
