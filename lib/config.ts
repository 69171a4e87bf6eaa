// Configuration from the environment, resolved once. Paths are absolute.
import { resolve } from 'node:path';

export interface Config {
  data: string; // a Parquet file, a folder, or a glob
  cache: string; // folder of the derived index
  port: number;
  host: string;
}

export const SAMPLE_DIR = 'data/sample';

export function config(env: NodeJS.ProcessEnv = process.env): Config {
  const root = process.cwd();
  const data = env.WILDSCOPE_DATA?.trim() || resolve(root, SAMPLE_DIR);
  return {
    data: /[*?[]/.test(data) ? data : resolve(/*turbopackIgnore: true*/ root, data),
    cache: resolve(/*turbopackIgnore: true*/ root, env.WILDSCOPE_CACHE?.trim() || 'data/cache'),
    port: Number(env.PORT || 3000),
    host: env.HOST?.trim() || '127.0.0.1',
  };
}

export const INDEX_FILE = 'index.duckdb';
export const STATUS_FILE = 'status.json';

/** The most conversations one CSV or JSONL export carries (WILDSCOPE_EXPORT_MAX_ROWS); a larger selection is cut and says so. */
export function exportMaxRows(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WILDSCOPE_EXPORT_MAX_ROWS?.trim();
  if (!raw) return 1_000_000;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1) throw new Error(`WILDSCOPE_EXPORT_MAX_ROWS must be a whole number of at least 1, got "${raw.slice(0, 40)}"`);
  return Number(raw);
}

/**
 * How long a search's matches stay for the next request with the same query and scope
 * (WILDSCOPE_MATCH_CACHE_SECONDS). With 0, only requests arriving while it is computed share it.
 */
export function matchCacheSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WILDSCOPE_MATCH_CACHE_SECONDS?.trim();
  if (!raw) return 300;
  if (!/^\d{1,7}$/.test(raw)) throw new Error(`WILDSCOPE_MATCH_CACHE_SECONDS must be a whole number of seconds (0 or more), got "${raw.slice(0, 40)}"`);
  return Number(raw);
}
