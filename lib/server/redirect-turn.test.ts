import { beforeAll, describe, expect, it } from 'vitest';
import { WILDCHAT_CACHE } from '@/test/fixtures';

let redirectToTurn: typeof import('./redirect-turn').redirectToTurn;
beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ redirectToTurn } = await import('./redirect-turn'));
});

describe('turn redirects', () => {
  it('sends a known turn to its conversation, anchored, by a relative Location', async () => {
    const r = await redirectToTurn('9007199254740993');
    expect(r.status).toBe(307);
    // Relative: a browser resolves it against the address it asked, whatever the server listens on.
    expect(r.headers.get('location')).toBe('/c/9007199254740993#turn-9007199254740993');
  });

  it('answers a script JSON', async () => {
    const r = await redirectToTurn('1');
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'no turn 1' });
    const bad = await redirectToTurn('<script>');
    expect(await bad.json()).toEqual({ error: 'not a turn identifier: <script>' });
  });
});
