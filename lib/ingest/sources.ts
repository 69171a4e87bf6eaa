// Which Parquet files WILDSCOPE_DATA names, with the size and mtime that decide staleness.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from '../config';
import type { Connection } from '../db/duckdb';
import { Sql } from '../db/sql';

export interface Source {
  file: string;
  size: number;
  mtime: number;
}

export class SourceError extends Error {}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith('.parquet')) out.push(p);
  }
}

/** A dataset of WILDSCOPE_DATA with its files; `name` is undefined for a bare path until its kind is detected. */
export interface DatasetSources {
  name?: string;
  path: string;
  sources: Source[];
}

/** Every dataset's files, in configuration order; a missing path or an empty folder is named with its dataset. */
export async function listDatasets(datasets: DataSource[], conn: Connection): Promise<DatasetSources[]> {
  const out: DatasetSources[] = [];
  for (const d of datasets) {
    try {
      out.push({ ...d, sources: await listSources(d.path, conn) });
    } catch (e) {
      if (e instanceof SourceError && d.name !== undefined)
        throw new SourceError(e.message.replace('WILDSCOPE_DATA:', `WILDSCOPE_DATA, dataset ${d.name}:`));
      throw e;
    }
  }
  return out;
}

export async function listSources(data: string, conn: Connection): Promise<Source[]> {
  let files: string[];
  if (/[*?[]/.test(data)) {
    const sql = new Sql();
    files = (await conn.all<{ file: string }>(`SELECT file FROM glob(${sql.p(data)})`, sql.params)).map((r) => r.file);
    files = files.filter((f) => f.endsWith('.parquet'));
  } else if (!existsSync(data)) {
    throw new SourceError(`WILDSCOPE_DATA: ${data} does not exist`);
  } else if (statSync(data).isDirectory()) {
    files = [];
    walk(data, files);
  } else {
    files = [data];
  }
  if (files.length === 0) throw new SourceError(`WILDSCOPE_DATA: no .parquet files in ${data}`);
  return files.sort().map((file) => {
    const st = statSync(file);
    return { file, size: st.size, mtime: Math.floor(st.mtimeMs) };
  });
}

/** The vectors file of WILDSCOPE_VECTORS as a source of the index: its change makes the index stale too. */
export function vectorSources(file: string | undefined): Source[] {
  if (!file) return [];
  if (!existsSync(file) || !statSync(file).isFile()) throw new SourceError(`WILDSCOPE_VECTORS: ${file} is not a file`);
  const st = statSync(file);
  return [{ file, size: st.size, mtime: Math.floor(st.mtimeMs) }];
}

export const sameSources = (a: Source[], b: Source[]): boolean =>
  a.length === b.length && a.every((s, i) => s.file === b[i]!.file && s.size === b[i]!.size && s.mtime === b[i]!.mtime);

/** The first source whose size or modification time is no longer what was read, with what changed. */
export function changedSource(sources: Source[]): string | undefined {
  for (const s of sources) {
    let now: { size: number; mtime: number };
    try {
      const st = statSync(s.file);
      now = { size: st.size, mtime: Math.floor(st.mtimeMs) };
    } catch {
      return `${s.file} disappeared during the ingest`;
    }
    if (now.size !== s.size || now.mtime !== s.mtime) {
      return (
        `${s.file} changed during the ingest (size ${s.size} → ${now.size} bytes, modified ` +
        `${new Date(s.mtime).toISOString()} → ${new Date(now.mtime).toISOString()}); run the ingest again once it is complete`
      );
    }
  }
  return undefined;
}
