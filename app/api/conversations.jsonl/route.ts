import type { NextRequest } from 'next/server';
import { exportResponse } from '@/lib/export/respond';
import { writeJsonl } from '@/lib/export/writers';

export const dynamic = 'force-dynamic';

export const GET = (req: NextRequest) =>
  exportResponse(req, writeJsonl, 'application/x-ndjson; charset=utf-8', 'wildscope-conversations.jsonl');
