import { conversationPath } from '@/lib/urls';

export const GET = async (req: Request, { params }: { params: Promise<{ id: string }> }) =>
  Response.redirect(new URL(conversationPath((await params).id), req.url), 308);
