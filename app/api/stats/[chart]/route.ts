import type { NextRequest } from 'next/server';
import { ParamError } from '@/lib/filters/schema';
import { getChart } from '@/lib/queries/charts';
import { handle, json } from '@/lib/server/respond';
import { chartTable, tableCsv } from '@/lib/stats/csv';
import { omittedBy } from '@/lib/stats/own-filter';
import { parseStatsParams } from '@/lib/stats/params';
import { CHARTS, type ChartName } from '@/lib/stats/types';

export const dynamic = 'force-dynamic';

export const GET = (req: NextRequest, ctx: { params: Promise<{ chart: string }> }) =>
  handle(async () => {
    const { chart } = await ctx.params;
    if (!(CHARTS as readonly string[]).includes(chart)) {
      return json({ error: `unknown chart "${chart.slice(0, 40)}"; charts are ${CHARTS.join(', ')}` }, 404);
    }
    const name = chart as ChartName;
    const sp = new URLSearchParams(req.nextUrl.searchParams);
    const formats = sp.getAll('format');
    sp.delete('format');
    if (formats.length > 1) throw new ParamError('format', 'format may appear only once');
    const format = formats[0]?.trim() || 'json';
    if (format !== 'json' && format !== 'csv') throw new ParamError('format', `format must be json or csv, got "${format.slice(0, 40)}"`);
    const { filter, options } = parseStatsParams(sp);
    const piece = await getChart(name, filter, options);
    const omitted = omittedBy(name, filter);
    const said = omitted ? { 'x-wildscope-omitted': omitted } : undefined;
    if (format === 'json') return json(piece, 200, said);
    return new Response(tableCsv(chartTable(name, piece)), {
      headers: {
        ...said,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="wildscope-${name}.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
