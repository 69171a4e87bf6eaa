// The journal of a dataset's files being read into a build folder (the tables, the text segments
// and the postings runs of each file), so that an ingest killed part way, out of memory or disk,
// resumes from the last file it completed instead of starting over.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_VERSION } from './manifest';
import { sameSources, type Source } from './sources';

/** How many files from the first are the same in both lists. */
function samePrefix(a: Source[], b: Source[]): number {
  let k = 0;
  while (k < a.length && k < b.length && sameSources([a[k]!], [b[k]!])) k++;
  return k;
}

const JOURNAL = 'journal.json';

interface Record {
  buildVersion: number;
  sources: Source[];
  /** The ingest writing the folder: another one's folder is never taken while it runs. */
  pid: number;
  /** Files 0 .. tables-1 are in the tables (each file's rows inserted by one statement, then counted here). */
  tables: number;
  /** Files whose every posting is in a run of their own and whose text segment is written. */
  read: number[];
  /** The folder's tables are being changed past the files' rows (numbering, encoding): no longer resumable. */
  finishing: boolean;
}

export class BuildJournal {
  private constructor(
    readonly dir: string,
    private r: Record,
    /** Files already read when this ingest began (0 for a fresh folder). */
    readonly resumedFiles: number,
  ) {}

  /**
   * The journal of the build folder `dir` for these sources: the folder's own, for the files an
   * earlier ingest by this version read that are still the same, else an empty folder.
   * Throws if another ingest that is still running owns it.
   */
  static open(dir: string, sources: Source[], alive: (pid: number) => boolean): BuildJournal {
    let r: Record | undefined;
    try {
      r = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8')) as Record;
    } catch {
      r = undefined;
    }
    if (r && r.pid !== process.pid && alive(r.pid))
      throw new Error(`another ingest (process ${r.pid}) is building in ${dir}: wait for it to end, or stop it`);
    // The files before the first one added, replaced or removed since are kept: a shard that
    // failed to read and was then fixed is read again with the ones after it.
    const same = r && !r.finishing && r.buildVersion === BUILD_VERSION ? samePrefix(r.sources, sources) : 0;
    if (same === 0) rmSync(dir, { recursive: true, force: true });
    r =
      same === 0 || !r
        ? { buildVersion: BUILD_VERSION, sources, pid: process.pid, tables: 0, read: [], finishing: false }
        : { ...r, sources, tables: Math.min(r.tables, same), read: r.read.filter((k) => k < same) };
    mkdirSync(dir, { recursive: true });
    const j = new BuildJournal(dir, { ...r!, pid: process.pid }, r!.read.length);
    j.save();
    return j;
  }

  static exists(dir: string): boolean {
    return existsSync(join(dir, JOURNAL));
  }

  get tables(): number {
    return this.r.tables;
  }

  isRead(k: number): boolean {
    return this.r.read.includes(k);
  }

  tablesDone(files: number): void {
    this.r.tables = files;
    this.save();
  }

  fileRead(k: number): void {
    if (!this.r.read.includes(k)) this.r.read.push(k);
    this.save();
  }

  get resumable(): boolean {
    return !this.r.finishing;
  }

  /** From here on the folder cannot be resumed: an interrupted ingest starts over. */
  finishing(): void {
    this.r.finishing = true;
    this.save();
  }

  private save(): void {
    const tmp = join(this.dir, `${JOURNAL}.tmp`);
    writeFileSync(tmp, JSON.stringify(this.r));
    renameSync(tmp, join(this.dir, JOURNAL));
  }
}
