// Calling a route handler as Next.js would, and what every answer to a hostile request must be:
// a 2xx, or a 4xx whose JSON names the parameter, with no stack trace or local path in it.
import { expect } from 'vitest';
import { WILDCHAT_CACHE } from '@/test/fixtures';
import { send, type Handler } from '@/test/requests';

export type { Handler };
export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

const PREFIX_BYTES = 64 * 1024;
/** Requests made and their statuses, for the figures of docs/PERFORMANCE.md (Hardening). */
export const seen = { requests: 0, byStatus: new Map<number, number>() };

/** Reads at most PREFIX_BYTES of the body (exports stream the whole selection), then lets go. */
export async function call(h: Handler, path: string, params: Record<string, string> = {}): Promise<Answer> {
  const res = await send(h, path, params);
  seen.requests++;
  seen.byStatus.set(res.status, (seen.byStatus.get(res.status) ?? 0) + 1);
  let text = '';
  if (res.body) {
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let bytes = 0;
    while (bytes < PREFIX_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += dec.decode(value, { stream: true });
    }
    await reader.cancel();
  }
  return { status: res.status, text, headers: res.headers };
}

export const LEAKS = [
  /\bat (async )?[\w$.<>[\] ]+ \(?[^)\s]*:\d+:\d+\)?/,
  /node:internal/,
  /\/work\//,
  /node_modules/,
  /\.cache\//,
  /index\.duckdb/,
];

export function expectSane(a: Answer, query: string) {
  const sentKeys = [...new URLSearchParams(query).keys()];
  expect(a.status, a.text.slice(0, 300)).toBeLessThan(500);
  expect(a.status).toBeGreaterThanOrEqual(200);
  // A 2xx body is the dataset's own text (users paste stack traces and paths into chats); the
  // server's words are in the error answers.
  if (a.status >= 300) for (const leak of LEAKS) expect(a.text).not.toMatch(leak);
  expect(a.text).not.toContain(WILDCHAT_CACHE);
  if (a.status === 400) {
    const body = JSON.parse(a.text) as { error: unknown; parameter: unknown };
    expect(typeof body.error).toBe('string');
    expect((body.error as string).length).toBeGreaterThan(0);
    expect(sentKeys).toContain(body.parameter);
    expect(body.error).toContain((body.parameter as string).slice(0, 40));
  }
}
