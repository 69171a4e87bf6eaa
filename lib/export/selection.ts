import 'server-only';
// Exports of a whole selection (no paging), streamed from DuckDB chunk by chunk: CSV of the
// listing columns, or JSONL of each conversation's metadata with its messages.
import { CATEGORIES, DETOXIFY, underscored } from '../dataset/moderation';
import type { Filter, Listing } from '../filters/schema';
import { ROW_COLUMNS, selectionSql, type ConversationRow, type Message } from '../queries/conversations';
import { all, session } from '../server/index-db';
import { csvRow } from './csv';

export const CSV_COLUMNS = ['id', 'conversation_hash', 'model', 'timestamp', 'turns', 'language', 'country', 'state',
  'hashed_ip', 'toxic', 'redacted', 'max_moderation', 'preview'] as const;

type Write = (s: string) => Promise<void>;

export function writeCsv(filter: Filter, sort: Listing['sort'], write: Write): Promise<void> {
  const s = selectionSql(filter, sort);
  return session(async (c) => {
    await write(csvRow([...CSV_COLUMNS]));
    for await (const rows of c.stream<ConversationRow>(s.text, s.params as never)) {
      await write(rows.map((r) => csvRow(CSV_COLUMNS.map((k) => r[k]))).join(''));
    }
  });
}

const MESSAGE_COLUMNS = `conv::VARCHAR AS conv, role, content, turn_identifier::VARCHAR AS turn_identifier,
  strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS "timestamp", language, toxic, redacted, flagged,
  ${CATEGORIES.map((c) => `s_${underscored(c)}, f_${underscored(c)}`).join(', ')}, ${DETOXIFY.map((d) => `d_${d}`).join(', ')}`;

// The same message shape as GET /api/conversations/<id>.
function toMessage(r: Record<string, unknown>): Message {
  const scored = CATEGORIES.some((c) => r[`s_${underscored(c)}`] != null);
  const detoxified = DETOXIFY.some((d) => r[`d_${d}`] != null);
  return {
    role: r.role as string, content: (r.content as string) ?? '', turn_identifier: r.turn_identifier as string | null,
    timestamp: r.timestamp as string | null, language: r.language as string | null, toxic: r.toxic as boolean | null,
    redacted: r.redacted as boolean | null,
    moderation: {
      flagged: r.flagged as boolean | null,
      openai: scored ? Object.fromEntries(CATEGORIES.map((c) => [c, {
        score: r[`s_${underscored(c)}`] as number | null, flagged: r[`f_${underscored(c)}`] as boolean | null }])) : null,
      detoxify: detoxified ? Object.fromEntries(DETOXIFY.map((d) => [d, r[`d_${d}`] as number | null])) : null,
    },
  };
}

export function writeJsonl(filter: Filter, sort: Listing['sort'], write: Write): Promise<void> {
  const s = selectionSql(filter, sort, `c.idx::VARCHAR AS idx, ${ROW_COLUMNS}`);
  return session(async (c) => {
    for await (const rows of c.stream<ConversationRow & { idx: string }>(s.text, s.params as never)) {
      // The streaming connection is busy, so messages come through a second pooled connection.
      const idxs = rows.map((r) => r.idx).filter((x) => /^\d+$/.test(x));
      const messages = idxs.length
        ? await all<Record<string, unknown>>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv IN (${idxs.join(',')}) ORDER BY conv, pos`)
        : [];
      const byConv = new Map<string, Message[]>();
      for (const m of messages) {
        const list = byConv.get(m.conv as string) ?? [];
        list.push(toMessage(m));
        byConv.set(m.conv as string, list);
      }
      await write(rows.map(({ idx, ...row }) => `${JSON.stringify({ ...row, messages: byConv.get(idx) ?? [] })}\n`).join(''));
    }
  });
}
