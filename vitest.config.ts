import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// DuckDB queries run on libuv's threads: as many as the server has (scripts/start.ts), so tests that
// hold every pooled connection leave threads for the point reads' own connections.
process.env.UV_THREADPOOL_SIZE ??= '8';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
