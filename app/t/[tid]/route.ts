import { redirectToTurn } from '@/lib/server/redirect-turn';

export const GET = async (req: Request, { params }: { params: Promise<{ tid: string }> }) =>
  redirectToTurn((await params).tid, new URL(req.url).searchParams);
