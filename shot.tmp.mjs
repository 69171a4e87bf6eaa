import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: process.env.SCHEME || 'light' });
const errs = [];
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errs.push(m.text()); });
p.on('pageerror', (e) => errs.push('PAGEERROR ' + e.message));
await p.goto('http://127.0.0.1:3291/map' + (process.env.Q || ''));
try { await p.waitForSelector('[data-testid=map-canvas][data-state=ready]', { timeout: 20000 }); } catch (e) { console.log('not ready'); }
const c = p.getByTestId('map-canvas');
console.log(await c.getAttribute('data-state'), await c.getAttribute('data-lit'), await c.getAttribute('data-x-domain'), await c.getAttribute('data-y-domain'));
console.log('labels', await p.locator('[data-testid=map-labels] span').count());
await p.screenshot({ path: process.env.OUT || '/tmp/map.png', fullPage: false });
console.log(errs.slice(0, 10).join('\n'));
await b.close();
