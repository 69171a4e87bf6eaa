// Builds the derived index: a DuckDB file written under a temporary name and renamed into place
// only when complete, so a failed or killed ingest leaves the previous index untouched.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataSources, INDEX_FILE } from '../config';
import { Database, literal, type Connection } from '../db/duckdb';
import { firstLine, readSchema, SchemaError, type FileSchema } from './detect';
import { indexRowNumbers } from './number-index';
import { BUILD_VERSION, indexChecksum, MANIFEST_FILE, readManifestFile, writeManifest, type DatasetPart, type Manifest } from './manifest';
import { buildPostings, countRuns, removeRunsExcept, sortRuns, type TokenizerFile } from './postings';
import {
  installPart,
  buildingPartDir,
  PART_DB,
  PART_RUNS,
  partDir,
  readSegmentPlaces,
  removeDeadPartBuilds,
  removeUnusedParts,
  reusablePart,
  writeSegmentPlaces,
  type PartRecord,
} from './parts';
import { BuildJournal } from './resume';
import { changedSource, listDatasets, SourceError, vectorSources, type DatasetSources } from './sources';
import {
  CONVERSATIONS_DDL,
  encodeFewValued,
  insertConversationsSql,
  insertMessagesSql,
  MESSAGES_DDL,
  numberDerivedCopies,
  numberUsers,
} from './tables';
import { TextStore, TextStoreWriter } from '../text/store';
import { buildMap } from '../map/build';
import { buildVocabulary } from '../lenses/vocabulary';
import type { TextSegment } from './postings-worker';

export interface BuildOptions {
  /** WILDSCOPE_DATA: one source, or several `name=path` datasets separated by `;` (config.ts). */
  data: string;
  cache: string;
  threads?: number;
  memoryLimit?: string;
  /** WILDSCOPE_VECTORS: a Parquet file of conversation ids and vectors for the map, instead of the text. */
  vectors?: string;
  log?: (line: string) => void;
  /** Postings held before a run is written (postings.ts); tests make it small to write many runs. */
  runPostings?: number;
  /** Called as each file's rows are in the tables, and as its text and postings are written: a test kills the ingest here. */
  afterFile?: (step: 'tables' | 'read', file: number) => void;
  /**
   * Awaited once the index is complete, just before it is renamed into place: a test holds the
   * ingest here to ask the server questions while the previous index is still the one in place.
   */
  beforeInstall?: () => Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Temporary files of ingests that died (killed, out of memory), and text stores no index names
 * (the one before the last build's): never the files of a running ingest, nor the store of the
 * index in place, nor the build folder (resume.ts decides on it). A server still reading a removed
 * store keeps it open until it moves on.
 */
async function removeLeftovers(cache: string): Promise<void> {
  const inUse = await textFileInUse(cache);
  for (const f of readdirSync(cache)) {
    const prefix = [`${INDEX_FILE}.tmp-`, 'spill-', TEXT_PREFIX].find((p) => f.startsWith(p));
    const pid = prefix && /^\d+/.exec(f.slice(prefix.length));
    // This process's own files are from its earlier builds: the one starting now has none yet.
    const gone = pid && (!alive(Number(pid[0])) || Number(pid[0]) === process.pid);
    if (gone && f !== inUse) rmSync(join(cache, f), { recursive: true, force: true });
  }
  removeDeadPartBuilds(cache, alive);
}

const TEXT_PREFIX = 'text-';
/** The folder an index is built in (resume.ts): one dataset's tables, runs and text segments, then the index itself. */
export const BUILDING_DIR = 'building';

const folderBytes = (dir: string): number =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce(
        (a, f) => a + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0),
        0,
      )
    : 0;

/** The datasets of WILDSCOPE_DATA and their files, listed by a DuckDB of their own (the index's file is not open yet). */
async function configuredDatasets(data: string): Promise<DatasetSources[]> {
  const probe = await Database.open(':memory:', { threads: 1 });
  try {
    return await listDatasets(dataSources(data), await probe.connect());
  } finally {
    probe.close();
  }
}
/** DuckDB's memory limit while the tokenizer workers run, at most (bytes). */
const TOKENIZING_MEMORY = 4e9;

/** The text store named by the index in place; undefined when there is none or it cannot be read (then no store is removed). */
async function textFileInUse(cache: string): Promise<string | undefined | null> {
  const path = join(cache, INDEX_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return (await readManifestFile(path)).text?.file;
  } catch {
    return null;
  }
}

type Input = { file: string; schema: FileSchema; rows: number };
/** A dataset of this ingest: its files read now (`inputs`), or its part kept from an earlier ingest (`kept`). */
type Part = DatasetPart & { inputs?: Input[]; kept?: PartRecord; postings: number };

/** Reads each of a dataset's files' schema and number of conversations; one dataset holds one kind. */
async function readInputs(conn: Connection, d: DatasetSources): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const s of d.sources) {
    const schema = await readSchema(conn, s.file);
    const head = inputs[0];
    if (head && schema.kind !== head.schema.kind) {
      throw new SchemaError(
        `${s.file} is ${schema.kind} but ${head.file} is ${head.schema.kind}: one dataset holds one kind` +
          (d.name === undefined ? " (name each kind's folder in WILDSCOPE_DATA as name=path;name=path)" : ` (dataset ${d.name})`),
      );
    }
    const r = await conn.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet(${literal(s.file)})`).catch((e) => {
      throw new SchemaError(`${s.file}: cannot be read (${firstLine(e)})`);
    });
    inputs.push({ file: s.file, schema, rows: r!.n });
  }
  return inputs;
}

/**
 * Inserts a dataset's files as conversations 0, 1, ... into the `messages` and `conversations` of
 * the connection's current catalog and tokenizes them, through tables in `scratch`, into runs in
 * the folder `runs` (postings.ts); file k's text goes to the segment file `segmentPath(k)`. Each
 * file's progress is kept in `journal`: files an interrupted ingest completed are not read again.
 * Returns its messages, postings and segments in file order.
 */
async function fillPart(
  conn: Connection,
  part: Part & { inputs: Input[] },
  o: {
    threads: number;
    memoryLimit: string;
    journal: BuildJournal;
    afterFile?: BuildOptions['afterFile'];
    runs: string;
    runPostings?: number;
    segmentPath: (k: number) => string;
    log: (line: string) => void;
    progress: () => string;
  },
): Promise<{ messages: number[]; postings: number; segments: TextSegment[] }> {
  const { journal } = o;
  await conn.run(MESSAGES_DDL.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
  await conn.run(CONVERSATIONS_DDL.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
  const bases = part.inputs.map((_, k) => part.inputs.slice(0, k).reduce((a, f) => a + f.rows, 0));
  if (journal.resumedFiles || journal.tables)
    o.log(
      `[resume] ${part.name}: ${journal.tables}/${part.inputs.length} files in the tables and ${journal.resumedFiles} tokenized by an interrupted ingest, kept`,
    );
  // Rows of a file whose insert was cut short, or done but not yet recorded.
  const cut = bases[journal.tables] ?? part.conversations;
  await conn.run(`DELETE FROM messages WHERE conv >= ${cut}`);
  await conn.run(`DELETE FROM conversations WHERE idx >= ${cut}`);
  const started = Date.now();
  for (const [k, { file, schema, rows: n }] of part.inputs.entries()) {
    if (k < journal.tables) continue;
    const base = bases[k]!;
    try {
      await conn.run(insertMessagesSql(file, base, schema));
      await conn.run(insertConversationsSql(file, base, n, part.kind, part.name));
    } catch (e) {
      throw new SchemaError(`${file}: ${firstLine(e)}`);
    }
    journal.tablesDone(k + 1);
    o.afterFile?.('tables', k);
    const eta = (((Date.now() - started) / (base + n - cut)) * (part.conversations - base - n)) / 1000;
    o.log(
      `[tables] ${part.name}, file ${k + 1}/${part.inputs.length}: ${(base + n).toLocaleString('en-US')}/${part.conversations.toLocaleString('en-US')} conversations, ${o.progress()}, ~${eta.toFixed(0)} s left for tables`,
    );
  }
  const counts = await conn.all<{ k: number; n: number }>(
    `SELECT k::INTEGER AS k, count(*)::INTEGER AS n FROM (SELECT CASE ${bases
      .map((b, k) => `WHEN conv >= ${b} THEN ${k}`)
      .reverse()
      .join(' ')} END AS k FROM messages) GROUP BY k`,
  );
  const perFile = part.inputs.map((_, k) => counts.find((c) => c.k === k)?.n ?? 0);
  const files: TokenizerFile[] = part.inputs.map((f, k) => ({
    key: k,
    file: f.file,
    base: bases[k]!,
    messages: perFile[k]!,
    text: o.segmentPath(k),
  }));
  const messages = perFile.reduce((a, n) => a + n, 0);
  // The tokenizer workers live in this process, so their memory and DuckDB's buffers of appended
  // postings add up: DuckDB gets less while they run, and its full limit back for the sort.
  const limit = await conn.memoryLimit();
  if (limit !== undefined) await conn.run(`SET memory_limit = '${Math.floor(Math.min(limit, TOKENIZING_MEMORY) / 1e6)}MB'`);
  let lastLog = 0;
  const segments = new Map<number, TextSegment>();
  for (const f of files) if (journal.isRead(f.key)) segments.set(f.key, { file: f.file, path: f.text, ...readSegmentPlaces(f.text) });
  removeRunsExcept(o.runs, (k) => journal.isRead(k));
  const before = files.filter((f) => journal.isRead(f.key)).reduce((a, f) => a + f.messages, 0);
  await buildPostings(
    conn,
    files.filter((f) => !journal.isRead(f.key)),
    o.threads,
    (done) => {
      if (Date.now() - lastLog < 2000) return;
      lastLog = Date.now();
      o.log(
        `[keywords] ${part.name}: ${(before + done).toLocaleString('en-US')}/${messages.toLocaleString('en-US')} messages tokenized, ${o.progress()}`,
      );
    },
    async (s, f) => {
      if (s.convs.length !== f.messages)
        throw new Error(`${f.file}: ${f.messages} messages in the table but ${s.convs.length} in its text`);
      writeSegmentPlaces(f.text, s);
      segments.set(f.key, s);
      journal.fileRead(f.key);
      o.afterFile?.('read', f.key);
    },
    o.runs,
    o.runPostings,
  );
  await conn.run(`SET memory_limit = ${literal(o.memoryLimit)}`);
  // Counted from the runs, which hold the files read before an interruption too.
  const postings = await countRuns(conn, o.runs);
  return {
    messages: perFile,
    postings,
    segments: files.map((f) => {
      const s = segments.get(f.key);
      if (!s) throw new Error(`${f.file}: no text segment`);
      return s;
    }),
  };
}

type FillOptions = Parameters<typeof fillPart>[2];

/** Builds a dataset's part in a folder of its own in the cache (parts.ts) and puts it in place of the previous one. */
async function buildPart(
  conn: Connection,
  catalog: string,
  cache: string,
  part: Part & { inputs: Input[] },
  fill: Omit<FillOptions, 'runs' | 'segmentPath' | 'journal'>,
): Promise<PartRecord> {
  const started = Date.now();
  const dir = buildingPartDir(cache, part.name);
  const journal = BuildJournal.open(dir, part.sources, alive);
  await conn.run(`ATTACH ${literal(join(dir, PART_DB))} AS scratch`);
  await conn.run('USE scratch');
  const filled = await fillPart(conn, part, {
    ...fill,
    journal,
    runs: join(dir, PART_RUNS),
    segmentPath: (k) => join(dir, `segment-${k}.bin`),
  });
  await conn.run(`USE "${catalog.replace(/"/g, '""')}"`);
  await conn.run('DETACH scratch');
  const record: PartRecord = {
    buildVersion: BUILD_VERSION,
    name: part.name,
    kind: part.kind,
    path: part.path,
    sources: part.sources,
    builtAt: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    conversations: part.conversations,
    messages: filled.messages.reduce((a, n) => a + n, 0),
    postings: filled.postings,
    files: part.inputs.map((f, k) => ({ file: f.file, rows: f.rows, messages: filled.messages[k]!, segment: `segment-${k}.bin` })),
  };
  installPart(cache, dir, record);
  return record;
}

/**
 * Copies every part's tables into the index in configuration order, each one's conversations
 * numbered from its `first`; adds their text segments to `segments` and returns their runs.
 */
async function joinParts(conn: Connection, cache: string, parts: Part[], segments: Segment[]): Promise<Runs> {
  await conn.run(MESSAGES_DDL);
  await conn.run(CONVERSATIONS_DDL);
  for (const [i, part] of parts.entries()) {
    const dir = partDir(cache, part.name);
    await conn.run(`ATTACH ${literal(join(dir, PART_DB))} AS p${i} (READ_ONLY)`);
    await conn.run(`INSERT INTO messages SELECT * REPLACE ((conv + ${part.first})::UINTEGER AS conv) FROM p${i}.messages`);
    await conn.run(`INSERT INTO conversations SELECT * REPLACE ((idx + ${part.first})::UINTEGER AS idx) FROM p${i}.conversations`);
    await conn.run(`DETACH p${i}`);
    for (const f of part.kept!.files)
      segments.push({ path: join(dir, f.segment), ...readSegmentPlaces(join(dir, f.segment)), first: part.first, keep: true });
  }
  return parts.map((p) => ({ runs: join(partDir(cache, p.name), PART_RUNS), first: p.first, keep: true }));
}

/** A text segment on its way into the store, its conversations numbered from `first`; `keep`: a part's, not removed. */
type Segment = { path: string; convs: Uint32Array; roles: Uint8Array; lengths: Uint32Array; first: number; keep: boolean };
type Runs = { runs: string; first: number; keep: boolean }[];

export async function buildIndex(o: BuildOptions): Promise<Manifest> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const threads = o.threads ?? 2;
  mkdirSync(o.cache, { recursive: true });
  await removeLeftovers(o.cache);
  const building = join(o.cache, BUILDING_DIR);
  const tmp = join(building, INDEX_FILE);
  const spill = join(o.cache, `spill-${process.pid}`);
  const textFile = `${TEXT_PREFIX}${process.pid}-${started}.bin`;
  const progress = () => `${((Date.now() - started) / 1000).toFixed(1)} s, RSS ${(process.memoryUsage.rss() / 2 ** 30).toFixed(1)} GB`;
  const memoryLimit = o.memoryLimit ?? '6GB';
  let db: Database | undefined;
  let text: TextStoreWriter | undefined;
  let committed = false;
  let journal: BuildJournal | undefined;
  try {
    const datasets = await configuredDatasets(o.data);
    const sources = datasets.flatMap((d) => d.sources);
    const vectors = vectorSources(o.vectors);
    // With several datasets each one's part is kept for the next ingest, which reuses the parts
    // whose files did not change; one dataset alone is built straight into the index, in a folder
    // an interrupted ingest resumes (resume.ts).
    const several = datasets.length > 1;
    journal = BuildJournal.open(building, several ? [] : sources, alive);
    // The joined index of several datasets is made again from their parts, which resume on their own.
    if (several) journal.finishing();
    db = await Database.open(tmp, { threads, memoryLimit, tempDirectory: spill });
    const conn = await db.connect();
    await conn.run('SET preserve_insertion_order = true');
    const catalog = (await conn.one<{ n: string }>('SELECT current_database() AS n'))!.n;
    const parts: Part[] = [];
    let first = 0;
    for (const d of datasets) {
      const kept = several ? reusablePart(o.cache, d.name!, d.sources) : undefined;
      const inputs = kept ? undefined : await readInputs(conn, d);
      const kind = kept?.kind ?? inputs![0]!.schema.kind;
      const conversations = kept?.conversations ?? inputs!.reduce((a, f) => a + f.rows, 0);
      const messages = kept?.messages ?? 0;
      const name = d.name ?? kind;
      parts.push({
        name,
        kind,
        path: d.path,
        first,
        conversations,
        messages,
        sources: d.sources,
        builtAt: kept?.builtAt,
        inputs,
        kept,
        postings: kept?.postings ?? 0,
      });
      first += conversations;
    }
    const kind = parts[0]!.kind;
    const total = first;
    log(
      `${sources.length} file(s), ${total.toLocaleString('en-US')} conversations: ` +
        parts
          .map((p) => `${p.name} (${p.kind}, ${p.conversations.toLocaleString('en-US')}${p.kept ? `, kept from ${p.kept.builtAt}` : ''})`)
          .join(', '),
    );

    const fill = { threads, memoryLimit, runPostings: o.runPostings, afterFile: o.afterFile, log, progress };
    // Postings on their way to runs go through a scratch database: deleted rows leave their space inside a DuckDB file.
    const segments: Segment[] = [];
    let runs: Runs;
    if (!several) {
      const part = parts[0]! as Part & { inputs: Input[] };
      await conn.run(`ATTACH ${literal(`${spill}.scratch.duckdb`)} AS scratch`);
      const filled = await fillPart(conn, part, {
        ...fill,
        journal,
        runs: join(building, PART_RUNS),
        segmentPath: (k) => join(building, `segment-${k}.bin`),
      });
      // Numbering and encoding change the tables in place: past here an interruption starts over.
      journal.finishing();
      part.messages = filled.messages.reduce((a, n) => a + n, 0);
      part.postings = filled.postings;
      part.builtAt = new Date().toISOString();
      for (const s of filled.segments) segments.push({ ...s, first: 0, keep: false });
      await conn.run('DETACH scratch');
      rmSync(`${spill}.scratch.duckdb`, { force: true });
      runs = [{ runs: join(building, PART_RUNS), first: 0, keep: false }];
    } else {
      for (const part of parts) {
        if (part.kept) continue;
        part.kept = await buildPart(conn, catalog, o.cache, part as Part & { inputs: Input[] }, fill);
        Object.assign(part, { messages: part.kept.messages, postings: part.kept.postings, builtAt: part.kept.builtAt });
        log(`[parts] ${part.name} built in ${part.kept.seconds.toFixed(1)} s, ${progress()}`);
      }
      runs = await joinParts(conn, o.cache, parts, segments);
      log(`[parts] ${parts.length} parts joined, ${progress()}`);
    }
    const messages = parts.reduce((a, p) => a + p.messages, 0);
    const postings = parts.reduce((a, p) => a + p.postings, 0);
    await numberDerivedCopies(conn);
    const encoded = await encodeFewValued(conn);
    await numberUsers(conn);
    log(`[tables] ${encoded.length ? encoded.join(', ') : 'no column'} stored as ENUM, ${progress()}`);

    // The text store takes the segments in conversation order.
    text = new TextStoreWriter(join(o.cache, textFile));
    for (const s of segments) text.addSegment(s.path, s.convs, s.roles, s.lengths, { first: s.first, keep: s.keep });
    const textBytes = text.finish(total);
    log(`[text] ${(textBytes / 1e6).toFixed(0)} MB of message text stored, ${progress()}`);
    log(`[keywords] ${postings.toLocaleString('en-US')} postings, sorting by term, ${progress()}`);
    await sortRuns(conn, runs);
    await conn.run('CREATE TABLE terms AS SELECT term, count(*)::UINTEGER AS df FROM postings GROUP BY term ORDER BY term');
    const vocabulary = await buildVocabulary(conn, {
      textPath: join(o.cache, textFile),
      textBytes,
      conversations: total,
      scratch: `${spill}.forms.tsv`,
    });
    log(
      `[lenses] ${vocabulary.terms.toLocaleString('en-US')} terms in the vocabulary (${vocabulary.sampled.toLocaleString('en-US')} conversations sampled, 1 in ${vocabulary.sampleEvery}) in ${vocabulary.seconds.toFixed(1)} s, ${progress()}`,
    );
    // One row per turn identifier and dataset (the first message bearing it there); rows in
    // configuration order within a turn, so a lookup's first row is the first dataset's.
    await conn.run(`CREATE TABLE turns AS SELECT turn_identifier AS tid, arg_min(conv, conv::BIGINT * 65536 + pos) AS conv
      FROM messages m JOIN conversations c ON c.idx = m.conv WHERE turn_identifier IS NOT NULL
      GROUP BY turn_identifier, c.dataset ORDER BY tid, conv`);
    const store = TextStore.open(join(o.cache, textFile));
    let map;
    try {
      map = await buildMap(conn, store, { vectors: o.vectors, log: (line) => log(`${line}, ${progress()}`) });
    } finally {
      store.close();
    }
    await indexRowNumbers(conn);
    const terms = (await conn.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM terms'))!.n;

    const manifest: Manifest = {
      buildVersion: BUILD_VERSION,
      kind,
      datasets: parts.map((p) => ({
        name: p.name,
        kind: p.kind,
        path: p.path,
        first: p.first,
        conversations: p.conversations,
        messages: p.messages,
        sources: p.sources,
        builtAt: p.builtAt,
      })),
      builtAt: new Date().toISOString(),
      seconds: 0,
      conversations: total,
      messages,
      terms: Number(terms),
      postings,
      bytes: 0,
      text: { file: textFile, bytes: textBytes },
      sources,
      map,
      vectors,
    };
    manifest.seconds = (Date.now() - started) / 1000;
    await writeManifest(conn, manifest);
    await conn.run('CHECKPOINT');
    // An index of files that changed while being read would be marked fresh but hold neither version.
    const changed = changedSource([...sources, ...vectors]);
    if (changed) throw new SourceError(changed);
    conn.close();
    db.close();
    db = undefined;
    const final = join(o.cache, INDEX_FILE);
    manifest.indexId = await indexChecksum([tmp, join(o.cache, textFile)]);
    await o.beforeInstall?.();
    renameSync(tmp, final);
    committed = true;
    rmSync(`${tmp}.wal`, { force: true });
    manifest.bytes = statSync(final).size + textBytes;
    manifest.seconds = (Date.now() - started) / 1000;
    writeFileSync(join(o.cache, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    removeUnusedParts(o.cache, several ? parts.map((p) => p.name) : []);
    return manifest;
  } finally {
    db?.close();
    text?.abort();
    if (!committed) rmSync(join(o.cache, textFile), { force: true });
    if (journal?.resumable && !committed)
      log(
        `[resume] the files read so far are kept in ${building} (${(folderBytes(building) / 1e9).toFixed(1)} GB): an ingest of the same files resumes from them; delete it to start over`,
      );
    else if (journal) rmSync(building, { recursive: true, force: true });
    rmSync(spill, { recursive: true, force: true });
    rmSync(`${spill}.scratch.duckdb`, { force: true });
    rmSync(`${spill}.scratch.duckdb.wal`, { force: true });
  }
}
