// What the browser tests share: the built CDN folder, a static site around it (pages + mounted folders, served by
// serveCdn exactly as a province would host it), and a Chromium page that records console errors, uncaught
// exceptions, CSP violations and `egov-error` events.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import type { CdnManifest } from '../src/importmap.js';
import { serveCdn } from '../src/serve.js';
import type { CdnServer } from '../src/serve.js';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
export const builtFolder = join(packageDir, 'dist', 'egov-vn', version);

/** The manifest of a built folder; a clear message when the CDN was not built (turbo builds it before the tests). */
export function manifestOf(folder = builtFolder): CdnManifest {
  const path = join(folder, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm --filter @egov-vn/cdn build\` first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as CdnManifest;
}

export interface Site {
  readonly url: string;
  readonly root: string;
  close(): Promise<void>;
}

/**
 * A temporary site: `files` (path → text) written under its root, `mounts` (URL path → folder) linked in, served with
 * `headers(path)` added (a page's Content-Security-Policy).
 */
export async function site(
  files: Record<string, string>,
  mounts: Record<string, string>,
  headers?: (path: string) => Record<string, string> | undefined,
): Promise<Site> {
  const root = mkdtempSync(join(tmpdir(), 'egov-cdn-site-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, folder] of Object.entries(mounts)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(folder, join(root, path), 'dir');
  }
  const server: CdnServer = await serveCdn({ root, headers });
  return {
    url: server.url,
    root,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Opened {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly problems: string[];
  /** Console warnings. */
  readonly warnings: string[];
}

/** Open `url`, recording problems; `egov-error` details and CSP violations land in `window.__egov`. */
export async function open(browser: Browser, url: string): Promise<Opened> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    const record = { errors: [] as { tag: string; target: string }[], violations: [] as string[] };
    (window as unknown as { __egov: typeof record }).__egov = record;
    document.addEventListener('egov-error', (e) => {
      record.errors.push({ tag: (e as CustomEvent<{ tag: string }>).detail.tag, target: (e.target as Element).localName });
    });
    document.addEventListener('securitypolicyviolation', (e) => record.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, problems, warnings };
}

export const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __egov: { errors: { tag: string; target: string }[]; violations: string[] } }).__egov);

/** The tags of `tags` that are defined and whose element in the page has rendered a shadow root with content. */
export const upgraded = (page: Page, tags: readonly string[]) =>
  page.evaluate(
    (names) => names.filter((t) => customElements.get(t) && (document.querySelector(t)?.shadowRoot?.childNodes.length ?? 0) > 0),
    [...tags],
  );

/** Bytes on the wire (after gzip) of the document and every resource the page fetched, from Resource Timing. */
export const transferred = (page: Page) =>
  page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    return {
      bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
      decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
      files: entries.map((e) => new URL(e.name).pathname),
    };
  });

/** The strict policy of the proofs: only same-origin scripts plus the import map's hash, Trusted Types enforced. */
export const strictCsp = (scriptHashes: readonly string[]) =>
  `default-src 'self'; script-src 'self' ${scriptHashes.join(' ')}; style-src 'self'; img-src 'self' data: blob:; ` +
  `connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'`;

/** A page: the given head snippet (import map + loader), a body, and an optional same-origin script. */
export const pageHtml = (head: string, body: string, script?: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>egov-vn CDN</title><link rel="icon" href="data:,">\n${head}${
    script ? `<script type="module" src="${script}"></script>\n` : ''
  }</head><body>\n${body}\n</body></html>\n`;
