// Time to first paint of pages in Debian's chromium: the project's target (under 1 s) for a
// 300 KB message and a 300-turn conversation. Each page is opened `repeat` times in a fresh tab.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../chromium';
import { stats } from './stats';

export interface PaintPage {
  label: string;
  path: string;
}
export interface PaintResult extends PaintPage {
  firstPaintMs: number;
  loadMs: number;
}

/** Median first contentful paint and load event of each page; null when chromium is not installed. */
export async function measurePaint(base: string, pages: PaintPage[], repeat: number): Promise<PaintResult[] | null> {
  if (!existsSync(CHROMIUM_LAUNCH.executablePath)) return null;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const out: PaintResult[] = [];
    for (const p of pages) {
      const paint: number[] = [];
      const load: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const page = await browser.newPage();
        const res = await page.goto(base + p.path, { waitUntil: 'load' });
        if (!res || res.status() >= 400) throw new Error(`${p.path} answered ${res?.status()}`);
        const t = await page.evaluate(() => ({
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? NaN,
        }));
        paint.push(t.paint);
        load.push(t.load);
        await page.close();
      }
      out.push({ ...p, firstPaintMs: stats(paint).p50, loadMs: stats(load).p50 });
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * The map page in chromium: the median time from navigation to its points drawn (the canvas's
 * data-state "ready") and its main thread free to answer (the time is read by a script run in the
 * page once it is), and the gzipped size of the scripts it loads that explore does not. The state
 * is watched at every animation frame: a locator's wait checks at growing intervals, 500 ms apart
 * after the first 270 ms, which put up to half a second of waiting on each reading.
 */
export async function measureMapPage(base: string, repeat: number): Promise<{ readyMs: number; scriptGzipBytes: number } | null> {
  if (!existsSync(CHROMIUM_LAUNCH.executablePath)) return null;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const scripts = async (path: string, wait?: string) => {
      const page = await browser.newPage();
      const bodies = new Map<string, Promise<Buffer>>();
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script' && r.ok()) bodies.set(new URL(r.url()).pathname, r.body());
      });
      await page.goto(base + path, { waitUntil: 'load' });
      if (wait) await page.locator(wait).waitFor({ timeout: 60_000 });
      const out = new Map<string, Buffer>();
      for (const [k, b] of bodies) out.set(k, await b);
      await page.close();
      return out;
    };
    const READY = '[data-testid="map-canvas"][data-state="ready"]';
    const explore = await scripts('/');
    const map = await scripts('/map', READY);
    let scriptGzipBytes = 0;
    for (const [k, body] of map) if (!explore.has(k)) scriptGzipBytes += gzipSync(body).length;
    const ready: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const page = await browser.newPage();
      await page.goto(`${base}/map`, { waitUntil: 'commit' });
      await page.waitForFunction((sel) => document.querySelector(sel) !== null, READY, { polling: 'raf', timeout: 60_000 });
      ready.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    return { readyMs: stats(ready).p50, scriptGzipBytes };
  } finally {
    await browser.close();
  }
}
