import type { NextRequest } from 'next/server';
import { noParams } from '@/lib/map-view/params';
import { getMapInfo } from '@/lib/queries/map';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => {
    noParams(req.nextUrl.searchParams);
    const { points, topics, bounds, method, built_at, legends } = await getMapInfo();
    return json({
      points,
      topics: topics.map(({ id, parent, label, terms, count, x, y }) => ({ id, parent, label, terms, count, x, y })),
      bounds,
      method,
      built_at,
      legends,
    });
  });
