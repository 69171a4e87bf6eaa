import type { NextRequest } from 'next/server';
import { ParamError } from '@/lib/filters/schema';
import { compareSelections, comparisonRows } from '@/lib/lenses/compare';
import { parseCompareParams } from '@/lib/lenses/params';
import { handle, json } from '@/lib/server/respond';
import { tableCsv } from '@/lib/stats/csv';

export const dynamic = 'force-dynamic';

export const GET = (req: NextRequest) =>
  handle(async () => {
    const sp = req.nextUrl.searchParams;
    const formats = sp.getAll('format');
    if (formats.length > 1) throw new ParamError('format', 'format may appear only once');
    const format = formats[0]?.trim() || 'json';
    if (format !== 'json' && format !== 'csv') throw new ParamError('format', `format must be json or csv, got "${format.slice(0, 40)}"`);
    const r = parseCompareParams(sp, ['format']);
    const c = await compareSelections(r.a, r.b, r.aParams, r.bParams);
    if (format === 'json') return json(c);
    return new Response(tableCsv(comparisonRows(c)), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="wildscope-compare.csv"',
        'cache-control': 'no-store',
      },
    });
  });
