// Worker thread: tokenizes the messages of Parquet files and sends back (term, conversation, roles,
// tf, msgs) postings in transferable typed arrays. One posting per term (word, CJK gram or pair of
// frequent words) and conversation. It also writes each file's message text as a segment of the
// text store (text/store.ts), since it reads that text anyway.
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../db/duckdb';
import { forEachTermAndPair, PairTable } from '../search/pairs';
import { positionBit } from '../search/positions';
import { roleCode } from '../text/store';
import { messageTextSql } from './tables';

/** One file's text segment: message i is of conversation convs[i], role roles[i], lengths[i] bytes of UTF-8. */
export interface TextSegment {
  file: string;
  path: string;
  convs: Uint32Array<ArrayBuffer>;
  roles: Uint8Array<ArrayBuffer>;
  lengths: Uint32Array<ArrayBuffer>;
}

export interface PostingBatch {
  n: number;
  term: Uint32Array<ArrayBuffer>; // lo, hi halves of the 64-bit term, little-endian
  conv: Uint32Array<ArrayBuffer>;
  roles: Uint8Array<ArrayBuffer>; // 1 = in a user message, 2 = in an assistant message
  tf: Uint16Array<ArrayBuffer>;
  msgs: Uint8Array<ArrayBuffer>; // positionBit(p) set: the message at position p holds the term (search/positions.ts)
}

const CAP = 1 << 20;
const port = parentPort!;
const acks: (() => void)[] = [];
// 'stop': the ingest failed. The worker leaves DuckDB at its next chunk and says it finished, so
// the thread is ended while idle (ending it inside a DuckDB call aborts the whole process).
let stopping = false;
port.on('message', (m) => {
  if (m === 'ack') acks.shift()?.();
  if (m === 'stop') {
    stopping = true;
    for (const ack of acks.splice(0)) ack();
  }
});

let batch = fresh();
function fresh(): PostingBatch {
  return {
    n: 0,
    term: new Uint32Array(CAP * 2),
    conv: new Uint32Array(CAP),
    roles: new Uint8Array(CAP),
    tf: new Uint16Array(CAP),
    msgs: new Uint8Array(CAP),
  };
}
async function send(): Promise<void> {
  if (stopping) batch.n = 0; // no one appends it any more
  if (batch.n === 0) return;
  const b = batch;
  batch = fresh();
  const done = new Promise<void>((r) => acks.push(r));
  port.postMessage({ batch: b }, [b.term.buffer, b.conv.buffer, b.roles.buffer, b.tf.buffer, b.msgs.buffer]);
  await done;
}

// Terms of the current conversation in an open-addressing table of typed arrays: a Map keyed by
// 53-bit numbers boxes every key, and the garbage collector then costs more than tokenizing.
let cap = 1 << 14;
let kHi = new Uint32Array(cap),
  kLo = new Uint32Array(cap),
  sRoles = new Uint8Array(cap),
  sTf = new Uint16Array(cap);
let sMsgs = new Uint8Array(cap);
let occupied = new Uint8Array(cap);
let used = new Int32Array(cap);
let nUsed = 0;
let role = 1;
let posBit = 1; // positionBit of the current message

function slotOf(hi: number, lo: number): number {
  const mask = cap - 1;
  let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
  while (occupied[i] && (kLo[i] !== lo || kHi[i] !== hi)) i = (i + 1) & mask;
  return i;
}

function grow(): void {
  const [oHi, oLo, oRoles, oTf, oMsgs, oUsed, n] = [kHi, kLo, sRoles, sTf, sMsgs, used, nUsed];
  cap *= 2;
  kHi = new Uint32Array(cap);
  kLo = new Uint32Array(cap);
  sRoles = new Uint8Array(cap);
  sTf = new Uint16Array(cap);
  sMsgs = new Uint8Array(cap);
  occupied = new Uint8Array(cap);
  used = new Int32Array(cap);
  nUsed = 0;
  for (let k = 0; k < n; k++) {
    const o = oUsed[k]!;
    const i = slotOf(oHi[o]!, oLo[o]!);
    occupied[i] = 1;
    kHi[i] = oHi[o]!;
    kLo[i] = oLo[o]!;
    sRoles[i] = oRoles[o]!;
    sTf[i] = oTf[o]!;
    sMsgs[i] = oMsgs[o]!;
    used[nUsed++] = i;
  }
}

const sink = (hi: number, lo: number) => {
  const i = slotOf(hi, lo);
  if (occupied[i]) {
    sRoles[i]! |= role;
    sMsgs[i]! |= posBit;
    if (sTf[i]! < 65535) sTf[i]!++;
    return;
  }
  occupied[i] = 1;
  kHi[i] = hi;
  kLo[i] = lo;
  sRoles[i] = role;
  sTf[i] = 1;
  sMsgs[i] = posBit;
  used[nUsed++] = i;
  if (nUsed * 2 > cap) grow();
};

const pairs = new PairTable();

async function flushConversation(conv: number): Promise<void> {
  for (let k = 0; k < nUsed; k++) {
    if (batch.n === CAP) await send();
    const s = used[k]!;
    const i = batch.n++;
    batch.term[2 * i] = kLo[s]!;
    batch.term[2 * i + 1] = kHi[s]!;
    batch.conv[i] = conv;
    batch.roles[i] = sRoles[s]!;
    batch.tf[i] = sTf[s]!;
    batch.msgs[i] = sMsgs[s]!;
    occupied[s] = 0;
  }
  nUsed = 0;
}

/** Appends one file's messages to its segment file, and keeps where each one is. */
class SegmentWriter {
  private readonly fd: number;
  private chunks: Buffer[] = [];
  private pending = 0;
  private n = 0;
  private convs = new Uint32Array(1 << 16);
  private roles = new Uint8Array(1 << 16);
  private lengths = new Uint32Array(1 << 16);

  constructor(
    private readonly file: string,
    private readonly path: string,
  ) {
    this.fd = openSync(path, 'w');
  }

  add(conv: number, role: string | null, content: string | null): void {
    if (this.n === this.convs.length) {
      const [convs, roles, lengths] = [new Uint32Array(this.n * 2), new Uint8Array(this.n * 2), new Uint32Array(this.n * 2)];
      convs.set(this.convs);
      roles.set(this.roles);
      lengths.set(this.lengths);
      [this.convs, this.roles, this.lengths] = [convs, roles, lengths];
    }
    const b = Buffer.from(content ?? '', 'utf8');
    this.convs[this.n] = conv;
    this.roles[this.n] = roleCode(role);
    this.lengths[this.n] = b.length;
    this.n++;
    this.chunks.push(b);
    this.pending += b.length;
    if (this.pending >= 8 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending) writeSync(this.fd, Buffer.concat(this.chunks, this.pending));
    this.chunks = [];
    this.pending = 0;
  }

  finish(): TextSegment {
    this.flush();
    closeSync(this.fd);
    return {
      file: this.file,
      path: this.path,
      convs: this.convs.slice(0, this.n),
      roles: this.roles.slice(0, this.n),
      lengths: this.lengths.slice(0, this.n),
    };
  }
}

const { files } = workerData as { files: { file: string; base: number; text: string }[] };
const db = await Database.open(':memory:', { threads: 1, memoryLimit: '1GB' });
const conn = await db.connect();
for (const { file, base, text } of files) {
  if (stopping) break;
  let current = -1;
  let messages = 0;
  let pos = 0;
  const segment = new SegmentWriter(file, text);
  for await (const rows of conn.stream<{ conv: number; role: string | null; content: string | null }>(messageTextSql(file, base))) {
    if (stopping) break;
    for (const r of rows) {
      if (r.conv !== current) {
        if (current >= 0) await flushConversation(current);
        current = r.conv;
        pos = 0;
      }
      role = r.role === 'assistant' ? 2 : 1;
      posBit = positionBit(pos++);
      if (r.content) forEachTermAndPair(pairs, r.content, sink);
      segment.add(r.conv, r.role, r.content);
      messages++;
    }
    port.postMessage({ progress: rows.length });
  }
  if (current >= 0) await flushConversation(current);
  if (stopping) break;
  await send();
  const seg = segment.finish();
  port.postMessage({ fileDone: file, messages, segment: seg }, [seg.convs.buffer, seg.roles.buffer, seg.lengths.buffer]);
}
conn.close();
db.close();
port.postMessage({ finished: true });
