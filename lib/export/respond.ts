import 'server-only';
// The HTTP side of an export: parse the filter like the JSON API, stream the writer's output.
import type { NextRequest } from 'next/server';
import { exportMaxRows } from '../config';
import { parseParams, type Filter, type Listing } from '../filters/schema';
import { handle } from '../server/respond';
import type { Cap } from './writers';
import { producerStream } from './stream';

type Writer = (filter: Filter, sort: Listing['sort'], write: (s: string) => Promise<void>, cap: Cap) => Promise<void>;

export function exportResponse(req: NextRequest, writer: Writer, contentType: string, filename: string): Promise<Response> {
  return handle(async () => {
    const { filter, listing } = parseParams(req.nextUrl.searchParams);
    const cap: Cap = { max: exportMaxRows() };
    const body = await producerStream((write) => writer(filter, listing.sort, write, cap), req.signal);
    const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'no-store' };
    // A cut export says so where a script looks (a header) and where a person looks (the file name).
    if (cap.cut) {
      headers['x-wildscope-truncated'] = `first ${cap.cut.rows} of ${cap.cut.total} conversations`;
      filename = filename.replace(/(\.\w+)$/, `-first-${cap.cut.rows}$1`);
    }
    headers['content-disposition'] = `attachment; filename="${filename}"`;
    return new Response(body, { headers });
  });
}
