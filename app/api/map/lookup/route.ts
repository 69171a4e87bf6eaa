import type { NextRequest } from 'next/server';
import { parseOrdinals } from '@/lib/map-view/params';
import { lookupPoints } from '@/lib/queries/map';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: NextRequest) => handle(async () => json({ rows: await lookupPoints(parseOrdinals(req.nextUrl.searchParams)) }));
