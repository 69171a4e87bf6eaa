import type { NextRequest } from 'next/server';
import { parseParams } from '@/lib/filters/schema';
import { countFacets } from '@/lib/queries/facets';
import { labelTopicFacet } from '@/lib/queries/topics';
import { handle, json } from '@/lib/server/respond';

export const GET = (req: NextRequest) =>
  handle(async () => json(await labelTopicFacet(await countFacets(parseParams(req.nextUrl.searchParams).filter))));
