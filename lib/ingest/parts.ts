// Each dataset's part of an index of several datasets, kept in the cache between ingests: its
// tables, its runs of unsorted postings and its message text, numbered from its own first conversation.
// An ingest rebuilds only the parts whose files changed and joins every part into the new index,
// so replacing an LMSYS shard does not tokenize a WildChat-4.8M again.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetKind } from '../dataset/schemas';
import { BUILD_VERSION } from './manifest';
import type { TextSegment } from './postings-worker';
import { sameSources, type Source } from './sources';

export const PARTS_DIR = 'parts';
const RECORD = 'part.json';
/** The part's DuckDB file: tables `messages` and `conversations`. */
export const PART_DB = 'part.duckdb';
/** The part's folder of postings runs (postings.ts), its conversations numbered from 0. */
export const PART_RUNS = 'runs';

/** What part.json records of a part; `files` in file order, each with its text segment's file in the part's folder. */
export interface PartRecord {
  buildVersion: number;
  name: string;
  kind: DatasetKind;
  path: string;
  sources: Source[];
  builtAt: string;
  seconds: number;
  conversations: number;
  messages: number;
  postings: number;
  files: { file: string; rows: number; messages: number; segment: string }[];
}

export const partDir = (cache: string, name: string) => join(cache, PARTS_DIR, name);

/** The part of dataset `name` if it was built by this version from exactly these files, else undefined. */
export function reusablePart(cache: string, name: string, sources: Source[]): PartRecord | undefined {
  const dir = partDir(cache, name);
  let r: PartRecord;
  try {
    r = JSON.parse(readFileSync(join(dir, RECORD), 'utf8')) as PartRecord;
  } catch {
    return undefined;
  }
  const whole =
    existsSync(join(dir, PART_DB)) &&
    (r.postings === 0 || existsSync(join(dir, PART_RUNS))) &&
    r.files.every((f) => existsSync(join(dir, f.segment)));
  return whole && r.buildVersion === BUILD_VERSION && r.name === name && sameSources(r.sources, sources) ? r : undefined;
}

/** The folder dataset `name`'s part is built in (resume.ts keeps it when an ingest is interrupted), installed by installPart. */
export const buildingPartDir = (cache: string, name: string) => `${partDir(cache, name)}.building`;

/** A segment's places (conversation, role and length of each message), written beside its text at `path`. */
export function writeSegmentPlaces(path: string, s: TextSegment): void {
  const n = s.convs.length;
  const head = Buffer.from(new Float64Array([n]).buffer);
  writeFileSync(
    `${path}.places`,
    Buffer.concat([
      head,
      Buffer.from(s.convs.buffer, 0, n * 4),
      Buffer.from(s.lengths.buffer, 0, n * 4),
      Buffer.from(s.roles.buffer, 0, n),
    ]),
  );
}

export function readSegmentPlaces(path: string): {
  convs: Uint32Array<ArrayBuffer>;
  roles: Uint8Array<ArrayBuffer>;
  lengths: Uint32Array<ArrayBuffer>;
} {
  const b = readFileSync(`${path}.places`);
  const n = b.readDoubleLE(0);
  const copy = (at: number, bytes: number) => new Uint8Array(b.subarray(at, at + bytes)).buffer; // aligned copies
  return {
    convs: new Uint32Array(copy(8, n * 4)),
    lengths: new Uint32Array(copy(8 + n * 4, n * 4)),
    roles: new Uint8Array(copy(8 + n * 8, n)),
  };
}

/** Records the part built in `dir` and puts it in place of the dataset's previous part. */
export function installPart(cache: string, dir: string, record: PartRecord): void {
  writeFileSync(join(dir, RECORD), JSON.stringify(record, null, 2));
  const final = partDir(cache, record.name);
  const old = `${final}.old-${process.pid}`;
  if (existsSync(final)) renameSync(final, old);
  renameSync(dir, final);
  rmSync(old, { recursive: true, force: true });
}

/** Removes the parts of datasets no longer configured (all of them when one dataset is left: it needs none), built or half built. */
export function removeUnusedParts(cache: string, keep: string[]): void {
  const root = join(cache, PARTS_DIR);
  if (!existsSync(root)) return;
  for (const f of readdirSync(root))
    if (!keep.includes(f.replace(/\.building$/, '')) && !/\.tmp-\d+$/.test(f)) rmSync(join(root, f), { recursive: true, force: true });
  if (readdirSync(root).length === 0) rmSync(root, { recursive: true, force: true });
}

/** Folders of part builds whose ingest is not running (`alive` tells), and half-replaced parts. */
export function removeDeadPartBuilds(cache: string, alive: (pid: number) => boolean): void {
  const root = join(cache, PARTS_DIR);
  if (!existsSync(root)) return;
  for (const f of readdirSync(root)) {
    const m = /\.(tmp|old)-(\d+)$/.exec(f);
    if (m && (!alive(Number(m[2])) || Number(m[2]) === process.pid)) rmSync(join(root, f), { recursive: true, force: true });
  }
}
