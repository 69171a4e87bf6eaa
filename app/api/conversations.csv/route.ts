import type { NextRequest } from 'next/server';
import { exportResponse } from '@/lib/export/respond';
import { writeCsv } from '@/lib/export/writers';

export const dynamic = 'force-dynamic';

export const GET = (req: NextRequest) => exportResponse(req, writeCsv, 'text/csv; charset=utf-8', 'wildscope-conversations.csv');
