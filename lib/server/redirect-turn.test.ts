import { beforeAll, describe, expect, it } from 'vitest';
import { WILDCHAT_CACHE } from '@/test/fixtures';

let redirectToTurn: typeof import('./redirect-turn').redirectToTurn;
beforeAll(async () => {
  process.env.WILDSCOPE_CACHE = WILDCHAT_CACHE;
  ({ redirectToTurn } = await import('./redirect-turn'));
});

const get = (path: string, accept?: string) => new Request(`http://127.0.0.1${path}`, { headers: accept ? { accept } : {} });

describe('turn redirects', () => {
  it('sends a known turn to its conversation, anchored, on the host the reader asked', async () => {
    const r = await redirectToTurn(
      new Request('http://wildscope.example.org/t/9007199254740993', { headers: { host: 'wildscope.example.org' } }),
      '9007199254740993',
    );
    expect(r.status).toBe(307);
    // Relative: a browser resolves it against the address it asked, whatever the server listens on.
    expect(r.headers.get('location')).toBe('/c/9007199254740993#turn-9007199254740993');
  });

  it('answers a browser a 404 page with a way back, the identifier as text', async () => {
    const r = await redirectToTurn(get('/t/x', 'text/html,application/xhtml+xml'), '<script>alert(1)</script>');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('text/html');
    const body = await r.text();
    expect(body).toContain('not a turn identifier: &lt;script&gt;');
    expect(body).not.toContain('<script>');
    expect(body).toContain('href="/"');
    const unknown = await redirectToTurn(get('/t/1', 'text/html'), '1');
    expect(await unknown.text()).toContain('no turn 1');
  });

  it('answers a script JSON', async () => {
    const r = await redirectToTurn(get('/t/1'), '1');
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'no turn 1' });
  });
});
