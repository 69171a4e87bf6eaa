import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './lib/chromium';

const PORT = Number(process.env.E2E_PORT || 3210);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), HOST: '127.0.0.1', WILDSCOPE_CACHE: '.cache/e2e-index' },
    stdout: 'pipe',
  },
});
