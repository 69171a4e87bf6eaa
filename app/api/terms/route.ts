import type { NextRequest } from 'next/server';
import { contrast } from '@/lib/lenses/terms';
import { parseTermsParams } from '@/lib/lenses/params';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => {
    const r = parseTermsParams(req.nextUrl.searchParams);
    const { a } = await contrast(r.filter, r.vs, r.limit);
    return json({ terms: a });
  });
