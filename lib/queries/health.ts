import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config, STATUS_FILE } from '../config';
import { MANIFEST_FILE, readManifest, type Manifest } from '../ingest/manifest';
import { currentScope, session } from '../server/index-db';
import { cachedForScope } from './cache';

export interface Health {
  status: 'ok' | 'degraded';
  kind: string;
  conversations: number;
  messages: number;
  terms: number;
  built_at: string;
  build_seconds: number;
  /** Each dataset of WILDSCOPE_DATA, in configuration order; the counts above are their sums. */
  datasets: { name: string; kind: string; conversations: number; messages: number; built_at: string }[];
  /** The index files' checksum (manifest.ts, indexChecksum); null for an index built before it was recorded. */
  index_id: string | null;
  problem?: string;
}

export async function getHealth(): Promise<Health> {
  // An index of another build version is rebuilt at start, not served: its manifest has every field.
  // Read once per opened index: a swapped index has a scope of its own.
  const m = (await cachedForScope(await currentScope(), 'health|manifest', () => session(readManifest))) as Manifest;
  const { cache, readOnly } = config();
  const statusFile = join(cache, STATUS_FILE);
  // A read-only index is never rebuilt here: a status file copied with it speaks of another machine.
  const status = !readOnly && existsSync(statusFile) ? (JSON.parse(readFileSync(statusFile, 'utf8')) as { problem?: string }) : {};
  return {
    status: status.problem ? 'degraded' : 'ok',
    kind: m.kind,
    conversations: m.conversations,
    messages: m.messages,
    terms: m.terms,
    built_at: m.builtAt,
    build_seconds: m.seconds,
    // One build holds every dataset (each is rebuilt with the others), so they share its time.
    datasets: m.datasets.map((d) => ({
      name: d.name,
      kind: d.kind,
      conversations: d.conversations,
      messages: d.messages,
      built_at: d.builtAt ?? m.builtAt,
    })),
    index_id: indexId(cache, m),
    ...(status.problem ? { problem: status.problem } : {}),
  };
}

/** The checksum manifest.json records, if it describes the index being served (it is rewritten just after a swap). */
function indexId(cache: string, served: Manifest): string | null {
  try {
    const beside = JSON.parse(readFileSync(join(cache, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return beside.builtAt === served.builtAt && beside.indexId ? beside.indexId : null;
  } catch {
    return null;
  }
}
