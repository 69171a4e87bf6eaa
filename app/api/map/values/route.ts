import type { NextRequest } from 'next/server';
import { parseValuesField } from '@/lib/map-view/params';
import { COLOR_FIELDS, getMapPoints, getMapValues } from '@/lib/queries/map';
import { binary, handle } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => {
    const field = parseValuesField(req.nextUrl.searchParams, COLOR_FIELDS);
    const [codes, { etag }] = await Promise.all([getMapValues(field), getMapPoints()]);
    return binary(req, codes, { etag: `${etag.slice(0, -1)}-${field}"` });
  });
