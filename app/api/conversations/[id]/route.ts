import { isConversationId } from '@/lib/ids';
import { getConversation } from '@/lib/queries/conversation-read';
import { handle, json } from '@/lib/server/respond';

export const GET = (_req: Request, { params }: { params: Promise<{ id: string }> }) =>
  handle(async () => {
    const { id } = await params;
    if (!isConversationId(id)) return json({ error: `not a conversation id: ${id.slice(0, 40)}` }, 404);
    const c = await getConversation(id);
    return c ? json(c) : json({ error: `no conversation ${id}` }, 404);
  });
