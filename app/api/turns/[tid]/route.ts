import { isTurnIdentifier } from '@/lib/ids';
import { resolveTurn } from '@/lib/queries/turn-lookup';
import { handle, json } from '@/lib/server/respond';

export const GET = (_req: Request, { params }: { params: Promise<{ tid: string }> }) =>
  handle(async () => {
    const { tid } = await params;
    if (!isTurnIdentifier(tid)) return json({ error: `not a turn identifier: ${tid.slice(0, 40)}` }, 404);
    const t = await resolveTurn(tid);
    return t ? json(t) : json({ error: `no turn ${tid}` }, 404);
  });
