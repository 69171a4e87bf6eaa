// How Playwright launches Debian's chromium, for the end-to-end tests and the benchmark's paint
// timings: never a downloaded browser, and flags that keep it quiet on a closed network.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
