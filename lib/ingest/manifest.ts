// The index's manifest and build version, owned here: the build writes it into the index (and
// beside it as manifest.json); freshness, the server and health read it back from an index.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { DatasetKind } from '../dataset/schemas';
import { Database, type Connection } from '../db/duckdb';
import { Sql } from '../db/sql';
import type { MapSummary } from '../map/build';
import type { Source } from './sources';

/** Raised whenever what the index holds or how it is laid out changes: an index of another version is rebuilt. */
export const BUILD_VERSION = 16;

/** One dataset of the index: its conversations are the rows `first` to `first + conversations - 1`. */
export interface DatasetPart {
  name: string;
  kind: DatasetKind;
  path: string;
  first: number;
  conversations: number;
  messages: number;
  sources: Source[];
  /** When its files were last read: an ingest that kept its part (parts.ts) keeps its time. Absent in indexes before parts. */
  builtAt?: string;
}

export interface Manifest {
  buildVersion: number;
  kind: DatasetKind; // the first dataset's
  datasets: DatasetPart[]; // in configuration order
  builtAt: string;
  seconds: number;
  conversations: number;
  messages: number;
  terms: number;
  postings: number;
  bytes: number; // the DuckDB file and the text store together
  text: { file: string; bytes: number }; // the text store, a file beside the index (text/store.ts)
  sources: Source[];
  map: MapSummary; // the topic map's figures (map/build.ts)
  vectors: Source[]; // the WILDSCOPE_VECTORS file the map was built from (none: from the text)
  /** indexChecksum of the finished files: only in manifest.json (the index cannot hold its own checksum); none before it was added. */
  indexId?: string;
}

/** The name of the manifest's copy beside the index, for people and scripts. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * The SHA-256 of the files' content one after the other (the DuckDB file, then the text store):
 * what `cat index.duckdb <text store> | sha256sum` prints. Computed once at the end of an ingest
 * (about 0.8 s of CPU per GB, read from the page cache it just filled) rather than at every start,
 * which would delay readiness by seconds per GB; copies of one build share it, two builds differ.
 */
export async function indexChecksum(files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of files) for await (const chunk of createReadStream(f, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Stores the manifest in the index being built, as its one-row `manifest` table. */
export async function writeManifest(c: Connection, manifest: Manifest): Promise<void> {
  const sql = new Sql();
  await c.run('CREATE TABLE manifest (json VARCHAR)');
  await c.run(`INSERT INTO manifest VALUES (${sql.p(JSON.stringify(manifest))})`, sql.params);
}

/** The manifest of an index read on `c`; an index of another build version may lack fields (Partial). */
export async function readManifest(c: Connection): Promise<Partial<Manifest>> {
  return JSON.parse((await c.one<{ json: string }>('SELECT json FROM manifest'))!.json) as Partial<Manifest>;
}

/** The manifest of the index file at `path`, opened read-only for this one read; throws when it cannot be read. */
export async function readManifestFile(path: string): Promise<Partial<Manifest>> {
  const db = await Database.open(path, { readOnly: true, threads: 1 });
  try {
    const c = await db.connect();
    const m = await readManifest(c);
    c.close();
    return m;
  } finally {
    db.close();
  }
}
