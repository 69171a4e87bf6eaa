import { handle, redirectTo } from '@/lib/server/respond';
import { conversationPath } from '@/lib/urls';

// WildVis's LMSYS links, kept working for links already in papers.
export const GET = async (_req: Request, { params }: { params: Promise<{ id: string }> }) =>
  handle(async () => redirectTo(conversationPath((await params).id), 308));
