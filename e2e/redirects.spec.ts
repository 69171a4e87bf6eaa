// Every redirect leads to the host the reader asked for: behind a proxy or on a shared server the
// app listens on 127.0.0.1, and a Location built from that address would send readers to their own
// machine. Requests here carry another Host header, as a proxy would pass on.
import { expect, test, type APIRequestContext } from '@playwright/test';

const HOST = 'wildscope.example.org';

interface ApiMessage {
  role: string;
  turn_identifier: string | null;
}

async function longConversation(request: APIRequestContext): Promise<{ id: string; messages: ApiMessage[] }> {
  const list = await (await request.get('/api/conversations?sort=turns&limit=1')).json();
  return (await request.get(`/api/conversations/${list.rows[0].id}`)).json();
}

/** The Location of a redirect asked for under HOST, resolved as a browser at HOST resolves it. */
async function followOnce(request: APIRequestContext, path: string): Promise<{ status: number; target: URL }> {
  const res = await request.get(path, { headers: { host: HOST }, maxRedirects: 0 });
  const location = res.headers()['location'];
  expect(location, `${path} has no Location`).toBeTruthy();
  return { status: res.status(), target: new URL(location!, `http://${HOST}${path}`) };
}

test('turn, conversation and WildVis links redirect on the host the reader asked for', async ({ request }) => {
  const c = await longConversation(request);
  const later = c.messages.filter((m) => m.role === 'user' && m.turn_identifier).at(-1)!.turn_identifier!;
  const cases: [string, string][] = [
    [`/t/${later}`, `/c/${c.id}#turn-${later}`],
    [`/conversation/wildchat/${later}`, `/c/${c.id}#turn-${later}`],
    [`/conversation/wildchat/${c.id}?from=embedding&lang=english`, `/c/${c.id}#turn-${c.id}`],
    [`/conversation/lmsyschat/${c.id}`, `/c/${c.id}`],
    [`/c/${later}`, `/c/${c.id}#turn-${later}`],
  ];
  for (const [path, expected] of cases) {
    const { status, target } = await followOnce(request, path);
    expect([307, 308], path).toContain(status);
    expect(target.host, path).toBe(HOST);
    expect(`${target.pathname}${target.search}${target.hash}`, path).toBe(expected);
  }
});

test('a later turn identifier pasted into /c/ opens its conversation at that turn', async ({ page, request }) => {
  const c = await longConversation(request);
  const later = c.messages.filter((m) => m.role === 'user' && m.turn_identifier).at(-1)!.turn_identifier!;
  expect(later).not.toBe(c.id);
  await page.goto(`/c/${later}?q=the`);
  await expect(page).toHaveURL(new RegExp(`/c/${c.id}\\?q=the#turn-${later}$`));
  await expect(page.locator(`[id="turn-${later}"]`)).toHaveAttribute('data-focused', '');
});
