// Whether the production build (.next) is older than the code it was built from: `npm start` after
// a `git pull` or an edit rebuilds instead of serving the old pages. Tests do not go into the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = [
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];
export const BUILD_MARK = '.next/BUILD_ID';

/** The most recently modified file at or below `path`, tests left out. */
function newest(path: string): { mtime: number; path: string } {
  const st = statSync(path);
  if (!st.isDirectory()) return { mtime: /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs, path };
  let best = { mtime: 0, path };
  for (const f of readdirSync(path)) {
    const n = newest(join(path, f));
    if (n.mtime > best.mtime) best = n;
  }
  return best;
}

/** Why the build must be made again, or undefined when it is newer than every source file. */
export function staleBuild(root: string): string | undefined {
  const mark = join(root, BUILD_MARK);
  if (!existsSync(mark)) return 'no production build yet';
  const built = statSync(mark).mtimeMs;
  for (const p of [...SOURCE_DIRS, ...SOURCE_FILES].map((s) => join(root, s)).filter((p) => existsSync(p))) {
    const n = newest(p);
    if (n.mtime > built) return `the code changed since the last build (${n.path.slice(root.length + 1)})`;
  }
  return undefined;
}
