import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARK, staleBuild } from './build-freshness';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'wildscope-build-'));
  for (const d of ['app/c', 'lib/search', '.next']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'app/c/page.tsx'), '');
  writeFileSync(join(root, 'lib/search/tokenize.ts'), '');
  writeFileSync(join(root, 'package.json'), '{}');
  return root;
}
const at = (root: string, path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

describe('staleBuild', () => {
  it('asks for a build when there is none', () => {
    expect(staleBuild(tree())).toMatch(/no production build/);
  });

  it('takes a build newer than every source file as fresh', () => {
    const root = tree();
    writeFileSync(join(root, BUILD_MARK), 'x');
    for (const p of ['app/c/page.tsx', 'lib/search/tokenize.ts', 'package.json']) at(root, p, 1_000);
    at(root, BUILD_MARK, 2_000);
    expect(staleBuild(root)).toBeUndefined();
  });

  it('names a source file changed after the build, however deep', () => {
    const root = tree();
    writeFileSync(join(root, BUILD_MARK), 'x');
    for (const p of ['app/c/page.tsx', 'package.json']) at(root, p, 1_000);
    at(root, 'lib/search/tokenize.ts', 3_000);
    at(root, BUILD_MARK, 2_000);
    expect(staleBuild(root)).toMatch(/changed since the last build \(lib\/search\/tokenize\.ts\)/);
  });

  it('ignores tests, which are not part of the build', () => {
    const root = tree();
    writeFileSync(join(root, 'lib/search/tokenize.test.ts'), '');
    writeFileSync(join(root, BUILD_MARK), 'x');
    for (const p of ['app/c/page.tsx', 'lib/search/tokenize.ts', 'package.json']) at(root, p, 1_000);
    at(root, 'lib/search/tokenize.test.ts', 3_000);
    at(root, BUILD_MARK, 2_000);
    expect(staleBuild(root)).toBeUndefined();
  });
});
