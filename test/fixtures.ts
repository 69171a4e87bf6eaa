// Fixtures generated with fixed seeds, shared by the unit tests (built once by global-setup.ts).
import { cpSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INDEX_FILE } from '../lib/config';

export const FIXTURES = resolve('.cache/test');
export const WILDCHAT = { dir: join(FIXTURES, 'wildchat-400'), conversations: 400, seed: 11 };
export const WILDCHAT_CACHE = join(FIXTURES, 'wildchat-400-index');
export const FOUR_EIGHT = { dir: join(FIXTURES, 'wildchat-4.8m-60'), conversations: 60, seed: 12 };
export const LMSYS = { dir: join(FIXTURES, 'lmsys-60'), conversations: 60, seed: 13 };

/** Copies the index in `from` (the DuckDB file, its manifest and its text store) into the folder `to`. */
export function copyIndex(from: string, to: string): void {
  for (const f of readdirSync(from)) {
    if (f === INDEX_FILE || f === 'manifest.json' || /^text-.*\.bin$/.test(f)) cpSync(join(from, f), join(to, f));
  }
}
