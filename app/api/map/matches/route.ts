import type { NextRequest } from 'next/server';
import { filterQuery, parseMapFilter } from '@/lib/map-view/params';
import { getMapMatches } from '@/lib/queries/map';
import { binary, handle } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => {
    const sp = req.nextUrl.searchParams;
    const { count, bits } = await getMapMatches(parseMapFilter(sp), filterQuery(sp));
    return binary(req, bits, { headers: { 'x-wildscope-matches': String(count) } });
  });
