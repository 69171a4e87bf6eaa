import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duck } from '../../test/duck';
import { FOUR_EIGHT, LMSYS, WILDCHAT } from '../../test/fixtures';
import { readSchema, SchemaError } from './detect';

const first = (dir: string, n = 1) => join(dir, `train-00000-of-0000${n}.parquet`);

describe('schema detection', () => {
  it('recognises the three published shapes', async () => {
    const c = await duck();
    expect((await readSchema(c, first(WILDCHAT.dir, 2))).kind).toBe('wildchat');
    expect((await readSchema(c, first(FOUR_EIGHT.dir))).kind).toBe('wildchat-4.8m');
    expect((await readSchema(c, first(LMSYS.dir))).kind).toBe('lmsys');
  });

  it('refuses a fourth shape, naming the missing columns', async () => {
    const c = await duck();
    const file = join(mkdtempSync(join(tmpdir(), 'ws-')), 'other.parquet');
    await c.run(`COPY (SELECT 1 AS id, 'hi' AS text, 'gpt-4' AS model) TO '${file}' (FORMAT parquet)`);
    const err = await readSchema(c, file).catch((e) => e);
    expect(err).toBeInstanceOf(SchemaError);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/missing column\(s\) .*conversation/);
  });

  it('refuses a file that is not Parquet, naming it', async () => {
    const c = await duck();
    const file = join(mkdtempSync(join(tmpdir(), 'ws-')), 'broken.parquet');
    writeFileSync(file, 'PAR1 this is not parquet');
    const err = await readSchema(c, file).catch((e) => e);
    expect(err).toBeInstanceOf(SchemaError);
    expect(err.message).toContain(file);
  });
});
