import { handle, redirectTo } from '@/lib/server/respond';
import { mapWildVis } from '@/lib/server/wildvis';

// WildVis's embedding map of one language (`/embeddings/english`): the topic map filtered to it.
export const GET = async (req: Request, { params }: { params: Promise<{ language: string }> }) =>
  handle(async () => redirectTo(await mapWildVis((await params).language, new URL(req.url).searchParams), 308));
