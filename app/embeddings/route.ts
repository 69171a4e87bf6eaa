import { handle, redirectTo } from '@/lib/server/respond';
import { mapWildVis } from '@/lib/server/wildvis';

// WildVis's embedding map of every language, kept working for links already in papers: the topic map.
export const GET = async (req: Request) => handle(async () => redirectTo(await mapWildVis(undefined, new URL(req.url).searchParams), 308));
