import type { NextRequest } from 'next/server';
import { noParams } from '@/lib/map-view/params';
import { getMapPoints } from '@/lib/queries/map';
import { binary, handle } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => {
    noParams(req.nextUrl.searchParams);
    const { bytes, etag } = await getMapPoints();
    return binary(req, bytes, { etag });
  });
