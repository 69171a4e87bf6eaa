import { getHealth } from '@/lib/queries/health';
import { handle, json } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export const GET = () => handle(async () => json(await getHealth()));
