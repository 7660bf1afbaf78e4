// A browser benchmark's page: the bench's `page.ts` built by Vite for production and opened in the system Chromium.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { build } from 'vite';
import { chromiumLaunchOptions } from './chromium.js';

/**
 * Builds `entry` (minified, the workspace's sources through the `@egov-vn/source` condition) into a temporary folder,
 * serves it to a Chromium page at http://bench.local/ and waits until the page sets `window.benchReady`. Call `close`
 * when done: it closes the browser and removes the build.
 * @param {string} entry the bench page's module (e.g. `join(here, 'page.ts')`)
 * @param {{ lang?: string, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<{ page: import('playwright').Page, browserVersion: string, close: () => Promise<void> }>}
 */
export async function openBenchPage(entry, options = {}) {
  const out = await mkdtemp(join(tmpdir(), 'egov-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    resolve: { conditions: ['@egov-vn/source', 'browser', 'import', 'default'] },
    build: { outDir: out, emptyOutDir: true, minify: true, lib: { entry, formats: ['es'], fileName: 'page' } },
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const close = async () => {
    await browser.close();
    await rm(out, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    await page.route('http://bench.local/**', async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') {
        const html = `<!doctype html><html lang="${options.lang ?? 'vi'}"><body><script type="module" src="/page.js"></script></body></html>`;
        await route.fulfill({ contentType: 'text/html', body: html });
        return;
      }
      await route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(out, path)) });
    });
    page.on('pageerror', (e) => console.error(e));
    await page.goto('http://bench.local/');
    await page.waitForFunction(() => /** @type {{ benchReady?: boolean }} */ (/** @type {unknown} */ (globalThis)).benchReady === true);
    return { page, browserVersion: browser.version(), close };
  } catch (e) {
    await close();
    throw e;
  }
}
