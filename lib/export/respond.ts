import 'server-only';
// The HTTP side of an export: parse the filter like the JSON API, stream the writer's output.
import type { NextRequest } from 'next/server';
import { parseParams, type Filter, type Listing } from '../filters/schema';
import { handle } from '../server/respond';
import { producerStream } from './stream';

type Writer = (filter: Filter, sort: Listing['sort'], write: (s: string) => Promise<void>) => Promise<void>;

export function exportResponse(req: NextRequest, writer: Writer, contentType: string, filename: string): Promise<Response> {
  return handle(async () => {
    const { filter, listing } = parseParams(req.nextUrl.searchParams);
    const body = await producerStream((write) => writer(filter, listing.sort, write));
    return new Response(body, {
      headers: {
        'content-type': contentType,
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      },
    });
  });
}
