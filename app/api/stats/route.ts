import type { NextRequest } from 'next/server';
import { getStats } from '@/lib/queries/charts';
import { handle, json } from '@/lib/server/respond';
import { parseStatsParams } from '@/lib/stats/params';

export const dynamic = 'force-dynamic';

export const GET = (req: NextRequest) =>
  handle(async () => {
    const { filter, options } = parseStatsParams(req.nextUrl.searchParams);
    return json(await getStats(filter, options));
  });
