// The index's message text, outside DuckDB: one file of every message's UTF-8 bytes in the order
// of the messages table (conversation, then position), followed by where each message and each
// conversation starts and each message's role. DuckDB reads a string with its whole vector of
// 2,048 rows, so confirming a phrase read mostly other messages' text, and stored it in more
// room; here a conversation's text is one read of exactly its bytes.
//
// Layout: text bytes, zero padding to a multiple of 8, Float64 byte offsets (messages + 1), Uint32
// first message of each conversation (conversations + 1), Uint8 roles (messages), then a trailer
// of MAGIC and six Float64 numbers (see TRAILER).
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { MAYBE, NO, YES, type ByteTest } from '../search/bytes';
import { ALL_POSITIONS, positionBit } from '../search/positions';

const MAGIC = Buffer.from('WSTEXT01');
const TRAILER = MAGIC.length + 6 * 8;
const ROLES = ['user', 'assistant'] as const;

/** A message's role as stored: 0 user, 1 assistant, 2 anything else. */
export const roleCode = (role: string | null | undefined) => {
  const i = ROLES.indexOf(role as (typeof ROLES)[number]);
  return i === -1 ? 2 : i;
};

export class TextStoreError extends Error {}

/**
 * Writes a store under `path` + '.tmp', renamed to `path` by finish(): a store is never
 * half-written under its name. Messages come in order: conv non-decreasing, from 0.
 */
export class TextStoreWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private offsets = new Float64Array(1 << 16);
  private roles = new Uint8Array(1 << 16);
  private convStart: number[] = [];
  private n = 0;
  private bytes = 0;
  private chunks: Buffer[] = [];
  private pending = 0;

  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp`;
    this.fd = openSync(this.tmp, 'w');
  }

  add(conv: number, role: string | null, content: string | null): void {
    const b = Buffer.from(content ?? '', 'utf8');
    this.push(conv, roleCode(role), b.length);
    this.chunks.push(b);
    this.pending += b.length;
    if (this.pending >= 8 << 20) this.flush();
  }

  /**
   * Appends a segment written elsewhere (a tokenizer worker writes one per source file): the file
   * at `path` holds the UTF-8 of its messages back to back, message i of conversation convs[i],
   * role roles[i] (roleCode) and lengths[i] bytes. The segment file is removed once copied, unless
   * `keep` (a dataset's part keeps its segments for the next ingest, whose conversations start at `first`).
   */
  addSegment(path: string, convs: Uint32Array, roles: Uint8Array, lengths: Uint32Array, { first = 0, keep = false } = {}): void {
    let total = 0;
    for (let i = 0; i < convs.length; i++) {
      this.push(first + convs[i]!, roles[i]!, lengths[i]!);
      total += lengths[i]!;
    }
    this.flush();
    const from = openSync(path, 'r');
    try {
      if (fstatSync(from).size !== total) throw new TextStoreError(`${path} holds ${fstatSync(from).size} bytes, its messages ${total}`);
      const buf = Buffer.allocUnsafe(8 << 20);
      for (let at = 0; at < total;) {
        const n = readSync(from, buf, 0, Math.min(buf.length, total - at), at);
        if (n <= 0) throw new TextStoreError(`${path} ended early`);
        writeSync(this.fd, buf, 0, n);
        at += n;
      }
    } finally {
      closeSync(from);
    }
    if (!keep) rmSync(path, { force: true });
  }

  private push(conv: number, role: number, bytes: number): void {
    if (conv < this.convStart.length - 1)
      throw new TextStoreError(`message of conversation ${conv} after conversation ${this.convStart.length - 1}`);
    while (this.convStart.length <= conv) this.convStart.push(this.n);
    if (this.n + 1 >= this.offsets.length) {
      const o = new Float64Array(this.offsets.length * 2);
      o.set(this.offsets);
      this.offsets = o;
      const r = new Uint8Array(this.roles.length * 2);
      r.set(this.roles);
      this.roles = r;
    }
    this.offsets[this.n] = this.bytes;
    this.roles[this.n] = role;
    this.n++;
    this.bytes += bytes;
  }

  private flush(): void {
    if (this.pending === 0) return;
    writeSync(this.fd, Buffer.concat(this.chunks, this.pending));
    this.chunks = [];
    this.pending = 0;
  }

  /** Completes the store for `conversations` conversations (those without messages included); returns its size in bytes. */
  finish(conversations: number): number {
    try {
      if (conversations < this.convStart.length)
        throw new TextStoreError(`${conversations} conversations, but messages of conversation ${this.convStart.length - 1}`);
      while (this.convStart.length <= conversations) this.convStart.push(this.n);
      this.offsets[this.n] = this.bytes;
      const pad = (8 - (this.bytes % 8)) % 8;
      this.chunks.push(Buffer.alloc(pad));
      this.pending += pad;
      this.flush();
      const offsetsAt = this.bytes + pad;
      const convAt = offsetsAt + (this.n + 1) * 8;
      const rolesAt = convAt + this.convStart.length * 4;
      writeSync(this.fd, Buffer.from(this.offsets.buffer, 0, (this.n + 1) * 8));
      writeSync(this.fd, Buffer.from(Uint32Array.from(this.convStart).buffer));
      writeSync(this.fd, Buffer.from(this.roles.buffer, 0, this.n));
      const t = new Float64Array([this.n, conversations, this.bytes, offsetsAt, convAt, rolesAt]);
      writeSync(this.fd, Buffer.concat([MAGIC, Buffer.from(t.buffer)]));
      closeSync(this.fd);
      renameSync(this.tmp, this.path);
      return rolesAt + this.n + TRAILER;
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Stops writing and removes the partial file. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.tmp, { force: true });
  }

  get messages(): number {
    return this.n;
  }
}

/** One message of a conversation as the store holds it. */
export interface StoredMessage {
  pos: number;
  role: 'user' | 'assistant' | 'other';
  text: string;
}

const ROLE_NAMES = ['user', 'assistant', 'other'] as const;

/** Which messages of a conversation: positions `from` up to (not including) `to`, of one role. */
interface ReadOptions {
  from?: number;
  to?: number;
  role?: 'user' | 'assistant';
}
/**
 * And only messages whose position's bit (search/positions.ts) is set in `positions`. `bytes`
 * judges a message's UTF-8 (bytes [start, end) of `buf`) before it is decoded: NO skips it, YES
 * counts as `fn` returning true, MAYBE decodes it for `fn` (search/bytes.ts).
 */
interface ScanOptions extends ReadOptions {
  positions?: number;
  bytes?: ByteTest;
}

/** Bytes read at once, unless one message is longer. */
const WINDOW = 256 * 1024;

/** An opened store: reads are positional (pread), so one instance serves concurrent requests. */
export class TextStore {
  private readonly scratch = Buffer.allocUnsafe(WINDOW);
  private reading = false;

  private constructor(
    private readonly fd: number,
    readonly messages: number,
    readonly conversations: number,
    private readonly offsets: Float64Array,
    private readonly convStart: Uint32Array,
    private readonly roles: Uint8Array,
  ) {}

  static open(path: string): TextStore {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const trailer = Buffer.alloc(TRAILER);
      if (
        size < TRAILER ||
        readSync(fd, trailer, 0, TRAILER, size - TRAILER) !== TRAILER ||
        !trailer.subarray(0, MAGIC.length).equals(MAGIC)
      ) {
        throw new TextStoreError(`${path} is not a Wildscope text store`);
      }
      // The trailer's six numbers (its bytes were all read just above).
      const t = new Float64Array(trailer.buffer.slice(trailer.byteOffset + MAGIC.length, trailer.byteOffset + TRAILER));
      const n = t[0]!,
        convs = t[1]!,
        offsetsAt = t[3]!,
        convAt = t[4]!,
        rolesAt = t[5]!;
      if (rolesAt + n + TRAILER !== size) throw new TextStoreError(`${path} is truncated or damaged`);
      const read = (at: number, len: number) => {
        const b = Buffer.alloc(len);
        if (readSync(fd, b, 0, len, at) !== len) throw new TextStoreError(`${path} is truncated`);
        return b;
      };
      const o = read(offsetsAt, (n + 1) * 8);
      const c = read(convAt, (convs + 1) * 4);
      const r = read(rolesAt, n);
      return new TextStore(
        fd,
        n,
        convs,
        new Float64Array(o.buffer, o.byteOffset, n + 1),
        new Uint32Array(c.buffer, c.byteOffset, convs + 1),
        new Uint8Array(r.buffer, r.byteOffset, n),
      );
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** How many messages conversation `conv` has. */
  count(conv: number): number {
    this.check(conv);
    return this.convStart[conv + 1]! - this.convStart[conv]!;
  }

  /**
   * The messages of `conv` from position `from` up to (not including) `to`, in order, read at
   * once. `role` keeps only messages of that role.
   */
  read(conv: number, options: ReadOptions = {}): StoredMessage[] {
    const out: StoredMessage[] = [];
    this.each(
      conv,
      (m) => {
        out.push(m);
      },
      options,
    );
    return out;
  }

  /**
   * Calls `fn` on the messages of `conv` in order (decoding each only when reached) until it
   * returns true; returns whether one did.
   */
  some(conv: number, fn: (m: StoredMessage) => boolean | void, options: ScanOptions = {}): boolean {
    return this.each(conv, fn, options);
  }

  private each(
    conv: number,
    fn: (m: StoredMessage) => boolean | void,
    { from = 0, to = Infinity, role, positions = ALL_POSITIONS, bytes }: ScanOptions,
  ): boolean {
    this.check(conv);
    // check() keeps conv and conv + 1 in range, and messages a..b in first..end are in the offsets and roles.
    const first = this.convStart[conv]!;
    const end = Math.min(this.convStart[conv + 1]!, first + Math.min(to, 1 << 30));
    const want = role === undefined ? -1 : roleCode(role);
    // A window of messages at a time: a search's snippet is mostly in the first message, and a
    // long conversation holds megabytes.
    for (let a = first + Math.max(0, from); a < end;) {
      let b = a + 1;
      while (b < end && this.offsets[b + 1]! - this.offsets[a]! <= WINDOW) b++;
      const base = this.offsets[a]!;
      const len = this.offsets[b]! - base;
      // One scratch buffer serves every read (allocating a fresh window costs more than the read
      // itself); a callback reading the store again gets its own.
      const buf = len <= WINDOW && !this.reading ? this.scratch : Buffer.allocUnsafe(len);
      if (len > 0 && readSync(this.fd, buf, 0, len, base) !== len) throw new TextStoreError('the text store is truncated');
      const own = buf === this.scratch;
      if (own) this.reading = true;
      try {
        for (let i = a; i < b; i++) {
          if (want !== -1 && this.roles[i] !== want) continue;
          if (!(positions & positionBit(i - first))) continue;
          const verdict = bytes ? bytes(buf, this.offsets[i]! - base, this.offsets[i + 1]! - base) : MAYBE;
          if (verdict === YES) return true;
          if (verdict === NO) continue;
          const text = buf.toString('utf8', this.offsets[i]! - base, this.offsets[i + 1]! - base);
          if (fn({ pos: i - first, role: ROLE_NAMES[this.roles[i]!]!, text }) === true) return true;
        }
      } finally {
        if (own) this.reading = false;
      }
      a = b;
    }
    return false;
  }

  private check(conv: number): void {
    if (!Number.isInteger(conv) || conv < 0 || conv >= this.conversations)
      throw new TextStoreError(`no conversation ${conv} in the text store`);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
