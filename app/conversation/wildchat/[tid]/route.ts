import { redirectToTurn } from '@/lib/server/redirect-turn';

// WildVis's conversation links, kept working for links already in papers.
export const GET = async (_req: Request, { params }: { params: Promise<{ tid: string }> }) => redirectToTurn((await params).tid);
