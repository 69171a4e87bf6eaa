import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WILDCHAT } from '../test/fixtures';
import { config, ConfigError, dataSources, readSettings } from './config';

describe('settings', () => {
  it('gives the defaults for an empty environment', () => {
    const s = readSettings({});
    expect(s).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      memory: '2GB',
      queryTimeoutMs: 10_000,
      exportMaxRows: 1_000_000,
      matchCacheSeconds: 300,
    });
  });

  it('reads good values', () => {
    const s = readSettings({ PORT: '8080', HOST: '0.0.0.0', WILDSCOPE_MEMORY: '512MB', WILDSCOPE_QUERY_TIMEOUT_MS: '2500' });
    expect(s).toMatchObject({ port: 8080, host: '0.0.0.0', memory: '512MB', queryTimeoutMs: 2500 });
    expect(config({ PORT: ' 4000 ' }).port).toBe(4000);
  });

  it('serves WILDSCOPE_INDEX read-only in place of the cache, with one process or more', () => {
    expect(config({ WILDSCOPE_INDEX: '/srv/index', WILDSCOPE_CACHE: 'elsewhere' })).toMatchObject({ cache: '/srv/index', readOnly: true });
    expect(config({})).toMatchObject({ readOnly: false });
    expect(config({ WILDSCOPE_PROCESSES: '3' }).processes).toBe(3);
    expect(config({}).processes).toBeGreaterThanOrEqual(1);
  });

  it('refuses each bad value, naming the variable, its value and what is allowed', () => {
    const cases: [string, string, RegExp][] = [
      ['WILDSCOPE_QUERY_TIMEOUT_MS', 'abc', /WILDSCOPE_QUERY_TIMEOUT_MS="abc" is not allowed: use a whole number of milliseconds/],
      ['WILDSCOPE_QUERY_TIMEOUT_MS', '1', /WILDSCOPE_QUERY_TIMEOUT_MS="1"/],
      ['PORT', '70000', /PORT="70000" is not allowed: use a port number from 1 to 65535/],
      ['PORT', '30x0', /PORT="30x0"/],
      ['HOST', 'local host', /HOST="local host"/],
      ['WILDSCOPE_MEMORY', 'lots', /WILDSCOPE_MEMORY="lots" is not allowed: use a size such as 2GB/],
      ['WILDSCOPE_EXPORT_MAX_ROWS', '1e6', /WILDSCOPE_EXPORT_MAX_ROWS="1e6"/],
      ['WILDSCOPE_MATCH_CACHE_SECONDS', '-1', /WILDSCOPE_MATCH_CACHE_SECONDS="-1"/],
      ['WILDSCOPE_PROCESSES', '0', /WILDSCOPE_PROCESSES="0" is not allowed: use a whole number of server processes/],
    ];
    for (const [name, value, message] of cases) {
      expect(() => readSettings({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => readSettings({ [name]: value }), `${name}=${value}`).toThrow(message);
    }
  });

  it('names every bad variable at once, and a WILDSCOPE_ name that is no setting', () => {
    let message = '';
    try {
      readSettings({ PORT: 'x', WILDSCOPE_MEMORY: 'y', WILDSCOPE_QUERY_TIMEOUT: '5000' });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/PORT="x"/);
    expect(message).toMatch(/WILDSCOPE_MEMORY="y"/);
    expect(message).toMatch(/WILDSCOPE_QUERY_TIMEOUT is not a Wildscope setting .*WILDSCOPE_QUERY_TIMEOUT_MS/);
  });
});

describe('WILDSCOPE_DATA with several datasets', () => {
  it('reads name=path entries in order, and a bare path (even holding = after a slash) as one dataset', () => {
    expect(dataSources('wildchat=/data/wc; lmsys=/data/lm;')).toEqual([
      { name: 'wildchat', path: '/data/wc' },
      { name: 'lmsys', path: '/data/lm' },
    ]);
    expect(dataSources('/data/a=b/x')).toEqual([{ path: '/data/a=b/x' }]);
    expect(dataSources('data/*.parquet')).toEqual([{ path: 'data/*.parquet' }]);
    const c = config({ WILDSCOPE_DATA: 'wc=data/wc;lm=/abs/lm' });
    expect(c.datasets).toEqual([
      { name: 'wc', path: join(process.cwd(), 'data/wc') },
      { name: 'lm', path: '/abs/lm' },
    ]);
    expect(c.sample).toBe(false);
    expect(config({}).datasets.map((d) => d.name)).toEqual(['wildchat', 'lmsys']);
    expect(config({}).sample).toBe(true);
  });

  it('refuses a bad name, a name given twice and an entry without a path, naming each', () => {
    const cases: [string, RegExp][] = [
      ['WildChat=/a;lmsys=/b', /the dataset name "WildChat" is not allowed: use 1 to 32 of a-z, 0-9 and -/],
      ['a b=/a', /the dataset name "a b" is not allowed/],
      [`${'x'.repeat(33)}=/a`, /is not allowed: use 1 to 32/],
      ['wc=/a;lm=/b;wc=/c', /the dataset name "wc" is given twice/],
      ['wc=/a;lm=', /the dataset lm has no path after its =/],
    ];
    for (const [value, message] of cases) {
      expect(() => readSettings({ WILDSCOPE_DATA: value }), value).toThrow(ConfigError);
      expect(() => readSettings({ WILDSCOPE_DATA: value }), value).toThrow(message);
    }
  });

  it('npm run ingest stops on a dataset whose path is missing, naming the dataset and the path', () => {
    const cache = mkdtempSync(join(tmpdir(), 'wildscope-config-'));
    const missing = join(cache, 'nowhere');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], {
      env: { ...process.env, WILDSCOPE_CACHE: cache, WILDSCOPE_DATA: `wc=${WILDCHAT.dir};lm=${missing}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`WILDSCOPE_DATA, dataset lm: ${missing} does not exist`);
  });
});

describe('npm start and npm run ingest', () => {
  // Before anything else happens: no sample generated, no index built, nothing served.
  for (const script of ['scripts/start.ts', 'scripts/ingest.ts']) {
    it(`${script} stops at once on a bad setting, naming it`, () => {
      const cache = mkdtempSync(join(tmpdir(), 'wildscope-config-'));
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, WILDSCOPE_QUERY_TIMEOUT_MS: 'abc', WILDSCOPE_CACHE: cache, WILDSCOPE_DATA: join(cache, 'none') },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/WILDSCOPE_QUERY_TIMEOUT_MS="abc" is not allowed/);
    });
  }
});
