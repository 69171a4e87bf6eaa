import { redirectToTurn } from '@/lib/server/redirect-turn';

// WildVis's first conversation links (`/conversation/<turn_identifier>`, before it served LMSYS too).
export const GET = async (_req: Request, { params }: { params: Promise<{ tid: string }> }) => redirectToTurn((await params).tid);
