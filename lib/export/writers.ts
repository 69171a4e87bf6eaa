import 'server-only';
// Exports of a whole selection (no paging), streamed from DuckDB chunk by chunk: CSV of the
// listing columns, or JSONL of each conversation's metadata with its messages.
import type { Filter, Listing } from '../filters/schema';
import { conversationsOfSql, messagesOfSql } from '../queries/by-row';
import { MESSAGE_COLUMNS, withText, type Message } from '../queries/conversation-read';
import { selectionSql } from '../queries/listing';
import { ROW_COLUMNS, type ConversationRow } from '../queries/row-columns';
import { withSelection } from '../queries/selection';
import { textOf } from '../server/index-db';

// An export may run as long as the client keeps reading; interactive queries keep the short deadline.
const EXPORT_DEADLINE_MS = 60 * 60 * 1000;
import { csvRow } from './csv';

export const CSV_COLUMNS = [
  'id',
  'dataset',
  'conversation_hash',
  'model',
  'timestamp',
  'turns',
  'language',
  'country',
  'state',
  'hashed_ip',
  'toxic',
  'redacted',
  'max_moderation',
  'topic',
  'preview',
] as const;

type Write = (s: string) => Promise<void>;

/** The row cap of one export; the writer fills in `cut` before its first write when the selection is larger. */
export interface Cap {
  max: number;
  cut?: { rows: number; total: number };
}

export function writeCsv(filter: Filter, sort: Listing['sort'], write: Write, cap: Cap): Promise<void> {
  return withSelection(
    filter,
    async (c, sel) => {
      const s = selectionSql(sel, sort);
      const total = await sel.count(c);
      if (total > cap.max) cap.cut = { rows: cap.max, total };
      await write(csvRow([...CSV_COLUMNS]));
      for await (const rows of c.stream<ConversationRow>(`${s.text} LIMIT ${cap.max}`, s.params)) {
        await write(rows.map((r) => csvRow(CSV_COLUMNS.map((k) => r[k]))).join(''));
      }
    },
    { deadlineMs: EXPORT_DEADLINE_MS },
  );
}

const BATCH = 200;

/** JSONL: the selection's order is read first (ids only), then metadata and messages batch by batch. */
export function writeJsonl(filter: Filter, sort: Listing['sort'], write: Write, cap: Cap): Promise<void> {
  return withSelection(
    filter,
    async (c, sel) => {
      const s = selectionSql(sel, sort, 'c.idx');
      const order = (await c.all<{ idx: number }>(`${s.text} LIMIT ${cap.max + 1}`, s.params)).map((r) => Number(r.idx));
      if (order.length > cap.max) {
        cap.cut = { rows: cap.max, total: await sel.count(c) };
        order.length = cap.max;
      }
      for (let i = 0; i < order.length; i += BATCH) {
        const batch = order.slice(i, i + BATCH);
        const rows = await c.all<ConversationRow & { idx: number }>(conversationsOfSql(batch, `c.idx, ${ROW_COLUMNS}`));
        const messages = await c.all<Record<string, unknown>>(
          `SELECT * EXCLUDE (pos) FROM (${messagesOfSql(batch, `pos, ${MESSAGE_COLUMNS}`)}) ORDER BY conv, pos`,
        );
        const byConv = new Map<number, Record<string, unknown>[]>();
        for (const m of messages) {
          const k = Number(m.conv);
          const list = byConv.get(k) ?? [];
          list.push(m);
          byConv.set(k, list);
        }
        const text = textOf(c);
        const messagesOf = (k: number): Message[] =>
          withText(
            byConv.get(k) ?? [],
            text.read(k).map((m) => m.text),
          );
        const byIdx = new Map(rows.map(({ idx, ...row }) => [Number(idx), row]));
        await write(batch.map((k) => `${JSON.stringify({ ...byIdx.get(k), messages: messagesOf(k) })}\n`).join(''));
      }
    },
    { deadlineMs: EXPORT_DEADLINE_MS },
  );
}
