import type { NextRequest } from 'next/server';
import { writeCsv } from '@/lib/export/selection';
import { producerStream } from '@/lib/export/stream';
import { parseParams } from '@/lib/filters/schema';
import { handle } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export const GET = (req: NextRequest) => handle(async () => {
  const { filter, listing } = parseParams(req.nextUrl.searchParams);
  const body = await producerStream((write) => writeCsv(filter, listing.sort, write));
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="wildscope-conversations.csv"',
      'cache-control': 'no-store',
    },
  });
});
