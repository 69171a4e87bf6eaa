import type { NextRequest } from 'next/server';
import { parseParams } from '@/lib/filters/schema';
import { listConversations } from '@/lib/queries/listing';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => {
    const { filter, listing } = parseParams(req.nextUrl.searchParams);
    return json(await listConversations(filter, listing));
  });
