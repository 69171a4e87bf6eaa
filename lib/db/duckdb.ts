// The only importer of @duckdb/node-api: opens databases with explicit limits and runs SQL with
// bound parameters. BIGINTs come back as strings (JSON mode), so int64 ids never pass through a JS number.
import bindings from '@duckdb/node-bindings';
import { DuckDBBitValue, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
export { DOUBLE, FLOAT, UBIGINT, UINTEGER, USMALLINT, UTINYINT } from '@duckdb/node-api';

export type Param = string | number | boolean | null | bigint;
export type Row = Record<string, unknown>;

export interface OpenOptions {
  readOnly?: boolean;
  threads?: number;
  memoryLimit?: string;
  tempDirectory?: string;
}

export class Database {
  private constructor(private readonly instance: DuckDBInstance) {}

  static async open(path: string, o: OpenOptions = {}): Promise<Database> {
    const options: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    };
    if (o.readOnly) options.access_mode = 'READ_ONLY';
    if (o.threads) options.threads = String(o.threads);
    if (o.memoryLimit) options.memory_limit = o.memoryLimit;
    if (o.tempDirectory) options.temp_directory = o.tempDirectory;
    return new Database(await DuckDBInstance.create(path, options));
  }

  async connect(): Promise<Connection> {
    const c = await this.instance.connect();
    await c.run(`SET TimeZone = 'UTC'`);
    return new Connection(c);
  }

  close(): void {
    this.instance.closeSync();
  }
}

export class Connection {
  private interrupted = false;
  /** Calls into DuckDB not yet returned (a stream counts until it is read or dropped). */
  private running = 0;
  /** Statements (or steps that run some on this connection) to run before the next one (defer). */
  private deferred: (string | (() => Promise<void>))[] = [];

  constructor(private readonly c: DuckDBConnection) {}

  /**
   * Runs `step` (a statement, or a function running some on this connection) just before the next
   * statement on this connection, if there is one: for state (a search's matches' table, its bits)
   * that only some statements read, so requests answered without them skip it.
   */
  defer(step: string | (() => Promise<void>)): void {
    this.deferred.push(step);
  }

  private async runDeferred(): Promise<void> {
    // Taken all at once: a step's own statements must not run the steps deferred after it first.
    const steps = this.deferred;
    this.deferred = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      try {
        if (typeof step === 'string') await this.c.run(step);
        else await step();
      } catch (e) {
        this.deferred = [...steps.slice(i + 1), ...this.deferred];
        throw e;
      }
    }
  }

  private async tracked<T>(call: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      await this.runDeferred();
      return await call();
    } finally {
      this.running--;
    }
  }

  async run(sql: string, params: Param[] = []): Promise<void> {
    await this.tracked(() => this.c.run(sql, params as DuckDBValue[]));
  }

  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    const reader = await this.tracked(() => this.c.runAndReadAll(sql, params as DuckDBValue[]));
    return reader.getRowObjectsJson() as T[];
  }

  /** The result's columns as arrays, with no object per row: for reading a column of every conversation. */
  async columns<T extends unknown[]>(sql: string, params: Param[] = []): Promise<{ [K in keyof T]: T[K][] }> {
    const reader = await this.tracked(() => this.c.runAndReadAll(sql, params as DuckDBValue[]));
    const columns = reader.getColumnsJson();
    // With no rows the reader gives no columns: an empty one each instead.
    return (columns.length ? columns : Array.from({ length: reader.columnCount }, () => [])) as { [K in keyof T]: T[K][] };
  }

  /** The first row's first value as a BIT string's bytes in DuckDB's layout (search/match-bits.ts); undefined when NULL or no row. */
  async bitString(sql: string, params: Param[] = []): Promise<Uint8Array | undefined> {
    const reader = await this.tracked(() => this.c.runAndReadAll(sql, params as DuckDBValue[]));
    const value = reader.getRows()[0]?.[0];
    return value instanceof DuckDBBitValue ? value.data : undefined;
  }

  async one<T = Row>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Streams rows in chunks, for exports that must not hold the whole result. */
  async *stream<T = Row>(sql: string, params: Param[] = []): AsyncGenerator<T[]> {
    this.running++;
    try {
      await this.runDeferred();
      const result = await this.c.stream(sql, params as DuckDBValue[]);
      for await (const rows of result.yieldRowObjectJson()) yield rows as T[];
    } finally {
      this.running--;
    }
  }

  /**
   * Appends fixed-width columns straight from typed arrays (little-endian, one array per column,
   * `n` rows, `widths` bytes a value): the bulk path for postings, hundreds of millions of rows,
   * with no per-value JS work.
   */
  async appendColumns(
    table: string,
    types: DuckDBType[],
    widths: number[],
    columns: ArrayBufferView[],
    n: number,
    catalog?: string,
  ): Promise<void> {
    await this.runDeferred();
    const appender = await this.c.createAppender(table, null, catalog ?? null);
    const chunk = DuckDBDataChunk.create(types);
    const size = 2048;
    for (let off = 0; off < n; off += size) {
      const len = Math.min(size, n - off);
      bindings.data_chunk_set_size(chunk.chunk, len);
      columns.forEach((col, i) => {
        const width = widths[i]!;
        const vector = bindings.data_chunk_get_vector(chunk.chunk, i);
        bindings.copy_data_to_vector(vector, 0, col.buffer as ArrayBuffer, col.byteOffset + off * width, len * width);
      });
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
  }

  /** DuckDB's memory limit in bytes, cut to a tenth of its unit; undefined if printed in a form not known here. */
  async memoryLimit(): Promise<number | undefined> {
    const s = (await this.one<{ s: string }>("SELECT current_setting('memory_limit') AS s"))!.s; // e.g. "5.5 GiB"
    const m = /^([\d.]+) ?(bytes|KiB|MiB|GiB|TiB)$/.exec(s);
    return m ? Number(m[1]) * 1024 ** ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'].indexOf(m[2]!) : undefined;
  }

  /** Stops the running query; JavaScript work done for this connection's session stops at its next throwIfInterrupted. */
  interrupt(): void {
    this.interrupted = true;
    this.c.interrupt();
    // DuckDB forgets an interrupt that arrives before its query has started (a deadline that passes
    // while the query is still queued): send it again until the call returns.
    const again = () => {
      if (!this.interrupted || this.running === 0) return;
      this.c.interrupt();
      setTimeout(again, 10).unref();
    };
    if (this.running > 0) setTimeout(again, 10).unref();
  }

  /** Throws when interrupt() was called since clearInterrupt(). */
  throwIfInterrupted(): void {
    if (this.interrupted) throw new Error('INTERRUPT Error: interrupted');
  }

  clearInterrupt(): void {
    this.interrupted = false;
  }

  close(): void {
    this.c.closeSync();
  }
}

/** Quotes a string as a SQL literal, for the few places (paths, DDL) where parameters cannot go. */
export const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
