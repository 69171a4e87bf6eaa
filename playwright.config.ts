import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 3210);

// Debian's chromium (never a downloaded browser); flags keep it quiet on a closed network.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
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
