import { isConversationId } from '@/lib/ids';
import { getConversation } from '@/lib/queries/conversation-read';
import { chosenDataset } from '@/lib/queries/datasets';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: Request, { params }: { params: Promise<{ id: string }> }) =>
  handle(async () => {
    const { id } = await params;
    if (!isConversationId(id)) return json({ error: `not a conversation id: ${id.slice(0, 40)}` }, 404);
    const { dataset, error } = await chosenDataset(new URL(req.url).searchParams);
    if (error) return json({ error }, 400);
    const c = await getConversation(id, dataset);
    return c ? json(c) : json({ error: `no conversation ${id}${dataset ? ` in ${dataset}` : ''}` }, 404);
  });
