import { isTurnIdentifier } from '@/lib/ids';
import { chosenDataset } from '@/lib/queries/datasets';
import { resolveTurn } from '@/lib/queries/turn-lookup';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: Request, { params }: { params: Promise<{ tid: string }> }) =>
  handle(async () => {
    const { tid } = await params;
    if (!isTurnIdentifier(tid)) return json({ error: `not a turn identifier: ${tid.slice(0, 40)}` }, 404);
    const { dataset, error } = await chosenDataset(new URL(req.url).searchParams);
    if (error) return json({ error }, 400);
    const t = await resolveTurn(tid, dataset);
    return t ? json(t) : json({ error: `no turn ${tid}${dataset ? ` in ${dataset}` : ''}` }, 404);
  });
