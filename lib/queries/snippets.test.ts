// A page's snippets, read only from the messages the postings place a search's words in, are the
// ones a scan of every message of the conversation finds.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '@/lib/filters/schema';
import { snippetFinder } from '@/lib/search/snippet';
import { WILDCHAT_CACHE } from '@/test/fixtures';

let listConversations: typeof import('./listing').listConversations;
let session: typeof import('../server/index-db').session;
let textOf: typeof import('../server/index-db').textOf;

beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ listConversations } = await import('./listing'));
  ({ session, textOf } = await import('../server/index-db'));
});

/** Words of later messages (position 3 on) of the first conversations: found past the first message. */
const laterWords = () =>
  session(async (c) => {
    const text = textOf(c);
    const words = new Set<string>();
    for (let conv = 0; conv < 40 && words.size < 12; conv++)
      for (const m of text.read(conv, { from: 3, to: 4 })) {
        const w = m.text.match(/\b[a-z]{6,}\b/g)?.[2];
        if (w) words.add(w);
      }
    return [...words];
  });

/** The snippet of each listed conversation, by scanning its messages in order (of `role`); and at which position. */
const scanned = (ids: string[], q: string, role?: 'user' | 'assistant') =>
  session(async (c) => {
    const find = snippetFinder(q);
    const out: { snippet: string | null; pos: number }[] = [];
    for (const id of ids) {
      const idx = Number((await c.one<{ idx: number }>('SELECT idx FROM conversations WHERE id = $1', [id]))!.idx);
      const hit = textOf(c)
        .read(idx, { role })
        .map((m) => ({ snippet: find(m.text), pos: m.pos }))
        .find((m) => m.snippet !== null);
      out.push(hit ?? { snippet: null, pos: -1 });
    }
    return out;
  });

describe('snippets of a search of words', () => {
  it('are those of the first message holding a word, of the search role, wherever it is in the conversation', async () => {
    const words = await laterWords();
    expect(words.length).toBeGreaterThan(5);
    let deep = 0;
    for (const q of [...words, `${words[0]} ${words[1]}`, words.slice(2, 5).join(' ')])
      for (const role of [undefined, 'user', 'assistant'] as const) {
        const qs = new URLSearchParams({ q, sort: 'newest', limit: '200', ...(role ? { role } : {}) });
        const { filter, listing } = parseParams(qs);
        const { rows } = await listConversations(filter, listing);
        const expected = await scanned(
          rows.map((r) => r.id),
          q,
          role,
        );
        expect(rows.map((r) => r.snippet)).toEqual(expected.map((e) => e.snippet));
        deep += expected.filter((e) => e.pos > 0).length;
      }
    expect(deep).toBeGreaterThan(0);
  });
});
