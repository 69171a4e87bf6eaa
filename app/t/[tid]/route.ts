import { redirectToTurn } from '@/lib/server/redirect-turn';

export const GET = async (_req: Request, { params }: { params: Promise<{ tid: string }> }) => redirectToTurn((await params).tid);
