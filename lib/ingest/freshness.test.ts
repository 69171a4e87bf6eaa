// The state `npm start` decides on (freshness.ts): an index of another build version is `outdated`
// (rebuilt and never served meanwhile) whatever its sources, unlike a `stale` one.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyIndex, WILDCHAT, WILDCHAT_CACHE } from '../../test/fixtures';
import { INDEX_FILE } from '../config';
import { Database } from '../db/duckdb';
import { BUILD_VERSION } from './manifest';
import { indexFreshness } from './freshness';

const root = (() => {
  mkdirSync(resolve('.cache/test-broken'), { recursive: true });
  return mkdtempSync(resolve('.cache/test-broken/freshness-'));
})();

/** A copy of the fixture index whose manifest names `buildVersion` (or none). */
async function indexOfVersion(name: string, buildVersion: number | undefined): Promise<string> {
  const cache = join(root, name);
  mkdirSync(cache, { recursive: true });
  copyIndex(WILDCHAT_CACHE, cache);
  const db = await Database.open(join(cache, INDEX_FILE), { threads: 1 });
  try {
    const c = await db.connect();
    const m = JSON.parse((await c.one<{ json: string }>('SELECT json FROM manifest'))!.json) as Record<string, unknown>;
    if (buildVersion === undefined) delete m.buildVersion;
    else m.buildVersion = buildVersion;
    await c.run('UPDATE manifest SET json = ?', [JSON.stringify(m)]);
    await c.run('CHECKPOINT');
    c.close();
  } finally {
    db.close();
  }
  return cache;
}

let data: string;
beforeAll(() => {
  data = join(root, 'data');
  cpSync(WILDCHAT.dir, data, { recursive: true });
});

describe('index freshness', () => {
  it('is fresh for the index of these files built by this version, missing without one', async () => {
    expect(await indexFreshness(WILDCHAT.dir, WILDCHAT_CACHE)).toEqual({ state: 'fresh' });
    expect(await indexFreshness(WILDCHAT.dir, join(root, 'none'))).toEqual({ state: 'missing' });
  });

  it('is outdated for an index of an earlier, a later or no build version', async () => {
    for (const [name, version] of [
      ['older', BUILD_VERSION - 1],
      ['newer', BUILD_VERSION + 1],
      ['unversioned', undefined],
    ] as const) {
      const cache = await indexOfVersion(name, version);
      expect(await indexFreshness(WILDCHAT.dir, cache), name).toEqual({ state: 'outdated', reason: 'built by another version' });
    }
    // The same rewrite keeping this version leaves the index fresh: the version alone decided.
    expect(await indexFreshness(WILDCHAT.dir, await indexOfVersion('same', BUILD_VERSION))).toEqual({ state: 'fresh' });
  });

  it('is outdated rather than stale when both hold, since an outdated index cannot be served meanwhile', async () => {
    const older = await indexOfVersion('older-changed', BUILD_VERSION - 1);
    const current = await indexOfVersion('current-changed', BUILD_VERSION);
    // The fixture index names WILDCHAT.dir's files: a copy of them elsewhere is other sources.
    expect((await indexFreshness(data, current)).state).toBe('stale');
    expect((await indexFreshness(data, older)).state).toBe('outdated');
  });
});
