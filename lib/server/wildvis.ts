import 'server-only';
// What WildVis's URLs need from the index (its kind, its languages), asked only for a query that may
// be WildVis's: Wildscope's own requests never wait on it. Both are kept per index build.
import { cachedForScope } from '../queries/cache';
import { datasetSummary, releaseNames } from '../queries/dataset-summary';
import { mayBeWildVis, wildvisExplore, wildvisMap, type Served, type Translation } from '../wildvis';
import { currentScope, session } from './index-db';

async function served(): Promise<Served> {
  const [summary, languages] = await Promise.all([
    datasetSummary(),
    (async () =>
      cachedForScope(await currentScope(), 'languages', () =>
        session(async (c) =>
          (
            await c.all<{ language: string }>('SELECT DISTINCT language::VARCHAR AS language FROM conversations WHERE language IS NOT NULL')
          ).map((r) => r.language),
        ),
      ))(),
  ]);
  return { datasets: summary.datasets, name: releaseNames(summary), languages };
}

/** Where a WildVis query on explore leads (a redirect or a notice); undefined for Wildscope's own queries. */
export async function exploreWildVis(sp: URLSearchParams): Promise<Translation | undefined> {
  return mayBeWildVis(sp) ? wildvisExplore(sp, await served()) : undefined;
}

/** The path WildVis's embedding map (`/embeddings`, `/embeddings/<language>`) leads to. */
export async function mapWildVis(pathLanguage: string | undefined, sp: URLSearchParams): Promise<string> {
  return wildvisMap(pathLanguage, sp, await served());
}
