// The proofs of the CDN folder in Chromium, no bundler anywhere: static pages with the import map and loader.js,
// served by serveCdn from the built folder (packages/cdn/dist/egov-vn/<version>/).
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCdn } from '../src/build.js';
import { cspHash, importMapFor, importMapText, snippet } from '../src/importmap.js';
import type { CdnManifest } from '../src/importmap.js';
import { builtFolder, manifestOf, open, packageDir, pageHtml, recorded, site, strictCsp, transferred, upgraded, version } from './harness.js';

const manifest = manifestOf();
const tags = Object.keys(manifest.tags);
const base = `/egov-vn/${version}/`;
// Budgets of the whole office's page (gzip bytes transferred, HTML and import map included); measured values in
// docs/cdn.md §1.
const FIRST_VIEW_BUDGET = 185_000;
const WHOLE_OFFICE_BUDGET = 215_000;
const mapHash = (m: CdnManifest, at: string, suffixed = false) => cspHash(importMapText(importMapFor(m, at, { suffixed })));

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser.close();
});

describe('one version, loader.js and the import map', () => {
  it('loads every element by its tag under a strict CSP with Trusted Types enforced, with one lit', async () => {
    const csp = strictCsp([mapHash(manifest, base)]);
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest), tags.map((t) => `<${t}></${t}>`).join('\n')) },
      { [`egov-vn/${version}`]: builtFolder },
      (path) => (path.endsWith('.html') ? { 'content-security-policy': csp } : undefined),
    );
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      await expect.poll(() => upgraded(page, tags), { timeout: 20_000 }).toEqual(tags);
      const { violations, errors } = await recorded(page);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      expect(problems).toEqual([]);
      // Trusted Types really is enforced on this page: assigning a string to a script sink throws.
      expect(await page.evaluate(() => {
        try {
          document.createElement('script').textContent = 'void 0';
          return 'allowed';
        } catch (e) {
          return (e as Error).name;
        }
      })).toBe('TypeError');
      const { files } = await transferred(page);
      expect(files.filter((f) => /\/vendor\/lit-[\w-]{8}\.js$/.test(f))).toHaveLength(1);
      expect(files.filter((f) => f.includes('/suffixed/'))).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });

  it('loads elements added later, and those inside a shadow root the page passes to discover(root)', async () => {
    const script = `import { discover } from '${base}loader.js';
const host = document.querySelector('#host');
const shadow = host.attachShadow({ mode: 'open' });
shadow.innerHTML = '<egov-date-picker></egov-date-picker>';
document.querySelector('#go').addEventListener('click', () => discover(shadow));
document.querySelector('#add').addEventListener('click', () => document.body.append(document.createElement('egov-deadline')));
`;
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest), '<button id="add">add</button><button id="go">discover</button><div id="host"></div>', '/page.js'), 'page.js': script },
      { [`egov-vn/${version}`]: builtFolder },
    );
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      await page.locator('#add').click();
      await expect.poll(() => page.evaluate(() => customElements.get('egov-deadline') !== undefined)).toBe(true);
      // The MutationObserver does not see into a closed world of shadow roots: nothing loads until discover(root).
      expect(await page.evaluate(() => customElements.get('egov-date-picker'))).toBeUndefined();
      await page.locator('#go').click();
      await expect
        .poll(() => page.evaluate(() => (document.querySelector('#host')!.shadowRoot!.querySelector('egov-date-picker')!.shadowRoot?.childNodes.length ?? 0) > 0))
        .toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });

  it('enforces SRI: one changed byte in one module fails that element with egov-error, the rest of the page works', async () => {
    const tampered = mkdtempSync(join(tmpdir(), 'egov-cdn-tampered-'));
    cpSync(builtFolder, tampered, { recursive: true });
    const file = join(tampered, manifest.tags['egov-deadline']!);
    const code = readFileSync(file, 'utf8');
    // Still valid JavaScript (a letter in a string changes): only the integrity check can refuse it.
    const at = code.indexOf('egov-deadline');
    writeFileSync(file, code.slice(0, at) + 'E' + code.slice(at + 1));
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest), '<egov-deadline due="2026-02-26" today="2026-02-13"></egov-deadline>\n<egov-month-calendar month="2026-04"></egov-month-calendar>') },
      { [`egov-vn/${version}`]: tampered },
    );
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      await expect.poll(() => recorded(page).then((r) => r.errors)).toEqual([{ tag: 'egov-deadline', target: 'egov-deadline' }]);
      await expect.poll(() => upgraded(page, ['egov-month-calendar', 'egov-deadline'])).toEqual(['egov-month-calendar']);
      expect(problems.some((p) => /integrity/i.test(p))).toBe(true);
      await page.close();
    } finally {
      await s.close();
      rmSync(tampered, { recursive: true, force: true });
    }
  });

  it('renders a PDF in <egov-pdf-viewer> with pdf.js from the folder and its worker as a real Web Worker of the folder', async () => {
    // A one-page PDF, written here so that the page fetches nothing but the folder and itself.
    const body = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>'];
    let pdf = '%PDF-1.4\n';
    const at = body.map((o, i) => [pdf.length, (pdf += `${i + 1} 0 obj ${o} endobj\n`)][0] as number);
    pdf += `xref\n0 4\n0000000000 65535 f \n${at.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}trailer << /Size 4 /Root 1 0 R >>\nstartxref\n${pdf.length}\n%%EOF\n`;
    const script = `const viewer = document.querySelector('egov-pdf-viewer');
viewer.addEventListener('egov-pdf-viewer-load', (e) => (document.body.dataset.pages = String(e.detail.pageCount)));
viewer.addEventListener('egov-pdf-viewer-error', (e) => (document.body.dataset.error = e.detail.message.en));
viewer.src = '/one-page.pdf';
`;
    // pdf.js lays out its text layer with style attributes: the one allowance docs/embedding.md names for the viewer.
    const csp = strictCsp([mapHash(manifest, base)]).replace("style-src 'self'", "style-src 'self'; style-src-attr 'unsafe-inline'");
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest), '<egov-pdf-viewer></egov-pdf-viewer>', '/page.js'), 'page.js': script, 'one-page.pdf': pdf },
      { [`egov-vn/${version}`]: builtFolder },
      (path) => (path.endsWith('.html') ? { 'content-security-policy': csp } : undefined),
    );
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      await expect.poll(() => page.evaluate(() => document.body.dataset['pages'] ?? document.body.dataset['error'] ?? ''), { timeout: 20_000 }).toBe('1');
      const { files } = await transferred(page);
      const worker = `${base}${manifest.imports['pdfjs-dist/build/pdf.worker.min.mjs']}`;
      expect(files).toEqual(expect.arrayContaining([`${base}${manifest.imports['pdfjs-dist']}`, worker]));
      // The viewer found the worker through the import map (import.meta.resolve) and runs it as a real Web Worker of the
      // folder, under Trusted Types, instead of parsing on the main thread (which would set globalThis.pdfjsWorker).
      expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain(worker);
      expect(await page.evaluate(() => 'pdfjsWorker' in globalThis)).toBe(false);
      expect((await recorded(page)).violations).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });

  it('keeps a portal page with <egov-signature-panel> only within its weight budget (gzip, bytes transferred)', async () => {
    const s = await site({ 'index.html': pageHtml(snippet(manifest), '<egov-signature-panel></egov-signature-panel>') }, { [`egov-vn/${version}`]: builtFolder });
    try {
      const { page } = await open(browser, `${s.url}/`);
      await expect.poll(() => upgraded(page, ['egov-signature-panel'])).toEqual(['egov-signature-panel']);
      const { bytes, decoded, files } = await transferred(page);
      console.log(`page with <egov-signature-panel> only: ${bytes} bytes transferred (gzip), ${decoded} decoded, ${files.length} files`);
      expect(files.some((f) => f.includes('/vendor/pdfjs'))).toBe(false);
      expect(bytes).toBeGreaterThan(10_000);
      expect(bytes).toBeLessThan(24_000);
      await page.close();
    } finally {
      await s.close();
    }
  });
});

describe('the whole office (<egov-office> and its lazy features)', () => {
  // The back end of the page: office-elements' in-memory agency (`@egov-vn/office-elements/testing`, the one users'
  // tests take), bundled into one file under /fake/. It stands for the agency's server and is not counted as weight.
  let fake: string;
  beforeAll(async () => {
    fake = mkdtempSync(join(tmpdir(), 'egov-cdn-fake-'));
    const testing = join(realpathSync(join(packageDir, 'node_modules', '@egov-vn', 'office-elements')), 'dist', 'testing.js');
    // Its own zod runs jitless, as the folder's does (the page's CSP allows no eval).
    const modules: Record<string, string> = {
      '\0fake-backend': `import '\0fake-jitless';\nexport * from ${JSON.stringify(testing)};\n`,
      '\0fake-jitless': "import { config } from 'zod';\nconfig({ jitless: true });\n",
    };
    await build({
      configFile: false,
      root: packageDir,
      logLevel: 'warn',
      publicDir: false,
      plugins: [{ name: 'fake-backend', resolveId: (id) => (id === 'fake-backend' ? '\0fake-backend' : id in modules ? id : null), load: (id) => modules[id] ?? null }],
      build: {
        outDir: fake,
        emptyOutDir: false,
        minify: false,
        reportCompressedSize: false,
        rolldownOptions: { input: { backend: 'fake-backend' }, preserveEntrySignatures: 'strict', output: { entryFileNames: '[name].js', codeSplitting: false } },
      },
    });
  }, 120_000);
  afterAll(() => rmSync(fake, { recursive: true, force: true }));

  it('loads every office feature by tag and on first use, within the whole office’s weight budget (gzip, bytes transferred)', async () => {
    const script = `import { demoSeed, memoryOfficeBackend } from '/fake/backend.js';
const context = document.querySelector('egov-office-context');
context.backend = memoryOfficeBackend(demoSeed({ count: 30, outgoing: 12, today: '2026-12-02' }));
context.user = { id: 'vanthu', name: 'Nguyễn Thị Lan', role: 'vanThu' };
context.today = '2026-12-02';
`;
    const csp = strictCsp([mapHash(manifest, base)]);
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest), '<egov-office-context locale="vi"><egov-office></egov-office></egov-office-context>', '/page.js'), 'page.js': script },
      { [`egov-vn/${version}`]: builtFolder, fake },
      (path) => (path.endsWith('.html') ? { 'content-security-policy': csp } : undefined),
    );
    const office = (js: string) => `(() => { const office = document.querySelector('egov-office').shadowRoot; ${js} })()`;
    const rows = (tag: string) => office(`return (office.querySelector('${tag}')?.shadowRoot?.querySelectorAll('tr[part=row]').length ?? 0) > 0;`);
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      const weight = async () => {
        const { bytes, decoded, files } = await transferred(page);
        const fakeBytes = await page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new URL(e.name).pathname.startsWith('/fake/')).reduce((sum, e) => sum + e.transferSize, 0),
        );
        return { bytes: bytes - fakeBytes, decoded, files: files.filter((f) => !f.startsWith('/fake/')) };
      };
      // First view: the incoming documents of the agency.
      await expect.poll(() => page.evaluate(rows('egov-incoming')), { timeout: 30_000 }).toBe(true);
      const first = await weight();
      let fonts: { url: string; status: number } | undefined;
      // Then every other feature, each a lazy chunk of the folder loaded when the user opens it from the menu.
      for (const view of ['outgoing', 'compose', 'register']) {
        await page.evaluate(office(`office.querySelector('[part=nav-item][data-view=${view}]').click();`));
        await expect
          .poll(() => page.evaluate(view === 'compose' ? office(`return office.querySelector('egov-compose')?.drafts !== undefined;`) : rows(`egov-${view}`)), { timeout: 20_000 })
          .toBe(true);
        // <egov-compose> renders documents with the folder's fonts (mapped as @egov-vn/document-pdf/fonts/), not the
        // page's /fonts/ (HEAD: the font itself is fetched only for a preview or a signature).
        if (view === 'compose') {
          fonts = await page.evaluate<{ url: string; status: number }>(
            office(`const url = office.querySelector('egov-compose').fontsUrl; return fetch(url + 'LiberationSerif-Regular.ttf', { method: 'HEAD' }).then((r) => ({ url, status: r.status }));`),
          );
        }
      }
      const all = await weight();
      expect(fonts).toEqual({ url: `${s.url}${base}assets/fonts/`, status: 200 });
      console.log(
        `page with the whole office: ${first.bytes} bytes transferred (gzip) on the first view, ${all.bytes} with all four features ` +
          `(${all.decoded} decoded, ${all.files.length} files; the in-memory back end excluded)`,
      );
      const loaded = (entry: string) => all.files.includes(`${base}${manifest.tags[entry]}`);
      expect(['egov-office-context', 'egov-office', 'egov-incoming', 'egov-outgoing', 'egov-compose', 'egov-register'].filter((t) => !loaded(t))).toEqual([]);
      // Every module came from the versioned folder, checked against the map's integrity (a module without an entry
      // would not be in the list of the folder's files).
      expect(all.files.filter((f) => f !== '/' && f !== '/page.js' && !f.startsWith(`${base}assets/fonts/`) && !(f.slice(base.length) in manifest.integrity))).toEqual([]);
      // No pdf.js, no signing code until a document is opened or signed.
      expect(all.files.some((f) => f.includes('/vendor/pdfjs'))).toBe(false);
      expect(first.bytes).toBeLessThan(all.bytes);
      expect(first.bytes).toBeLessThan(FIRST_VIEW_BUDGET);
      expect(all.bytes).toBeLessThan(WHOLE_OFFICE_BUDGET);
      expect((await recorded(page)).violations).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });
});

describe('two versions on one page', () => {
  const next = '0.1.0';
  let out: string;
  let nextManifest: CdnManifest;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'egov-cdn-next-'));
    nextManifest = (await buildCdn({ outDir: out, version: next, tarball: false })).manifest;
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds reproducibly: the same packages give the same hashed files whatever the folder’s version', () => {
    // Only the loaders and the suffixed modules depend on the folder's version; a rebuild changes no other byte.
    // (Run after the element packages were rebuilt but not the folder, this fails: `pnpm --filter @egov-vn/cdn build`.)
    expect(nextManifest.tags).toEqual(manifest.tags);
    expect(nextManifest.imports).toEqual(manifest.imports);
    // (An entry's hash covers the names of the chunks it imports, so equal entry names mean an equal module graph.)
    const shared = Object.keys(manifest.integrity).filter((file) => file in nextManifest.integrity && !file.startsWith('loader'));
    expect(shared.length).toBeGreaterThan(Object.keys(manifest.tags).length + Object.keys(manifest.imports).length);
    expect(shared.filter((file) => nextManifest.integrity[file] !== manifest.integrity[file])).toEqual([]);
  });

  it('runs this version’s <egov-signature-panel> and the next one’s <egov-signature-panel-0-1> side by side', async () => {
    const nextBase = `/egov-vn/${next}/`;
    const csp = strictCsp([mapHash(manifest, base), mapHash(nextManifest, nextBase, true)]);
    const script = `for (const panel of document.querySelectorAll('egov-signature-panel, egov-signature-panel-0-1')) panel.pdf = new TextEncoder().encode('not a PDF');
const slot = (e) => (e.target.localName === 'egov-signature-panel' ? 'first' : 'second');
document.addEventListener('egov-signature-panel-verify', (e) => (document.body.dataset[slot(e)] = \`verified: \${e.detail.report.signaturesCount} signatures\`));
document.addEventListener('egov-signature-panel-error', (e) => (document.body.dataset[slot(e)] = \`error: \${e.detail.message.en}\`));
`;
    const s = await site(
      {
        'index.html': pageHtml(
          snippet(manifest) + snippet(nextManifest, nextBase, { suffixed: true }),
          '<egov-signature-panel lang="en"></egov-signature-panel>\n<egov-signature-panel-0-1 lang="en"></egov-signature-panel-0-1>',
          '/page.js',
        ),
        'page.js': script,
      },
      { [`egov-vn/${version}`]: builtFolder, [`egov-vn/${next}`]: join(out, 'egov-vn', next) },
      (path) => (path.endsWith('.html') ? { 'content-security-policy': csp } : undefined),
    );
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      await expect.poll(() => upgraded(page, ['egov-signature-panel', 'egov-signature-panel-0-1'])).toEqual(['egov-signature-panel', 'egov-signature-panel-0-1']);
      expect(await page.evaluate(() => customElements.get('egov-signature-panel') !== customElements.get('egov-signature-panel-0-1'))).toBe(true);
      // Both checked their document with their own version's code (each loads its own verification chunk).
      const outcome = () => page.evaluate(() => [document.body.dataset['first'] ?? '', document.body.dataset['second'] ?? '']);
      await expect.poll(outcome).toEqual([expect.stringMatching(/^(verified|error): /), expect.stringMatching(/^(verified|error): /)]);
      const [first, second] = await outcome();
      expect(second).toBe(first);
      const { files } = await transferred(page);
      expect(files.filter((f) => f.includes('/vendor/lit-')).map((f) => f.split('/')[2])).toEqual(expect.arrayContaining([version, next]));
      expect(files.some((f) => f.startsWith(`${nextBase}suffixed/signature-elements/signature-panel-`))).toBe(true);
      expect(files.filter((f) => /\/chunks\/core-/.test(f)).map((f) => f.split('/')[2]).sort()).toEqual([version, next]);
      expect((await recorded(page)).violations).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });

  it('loads the same version twice (two mirrors, two fragments) without running a module twice or throwing', async () => {
    const mirror = `/mirror/egov-vn/${version}/`;
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest) + snippet(manifest, mirror), tags.map((t) => `<${t}></${t}>`).join('\n')) },
      { [`egov-vn/${version}`]: builtFolder, [`mirror/egov-vn/${version}`]: builtFolder },
    );
    try {
      const { page, problems, warnings } = await open(browser, `${s.url}/`);
      await expect.poll(() => upgraded(page, tags), { timeout: 20_000 }).toEqual(tags);
      const { files } = await transferred(page);
      // The mirror's loader found this version's loader already running and handed everything to it.
      expect(files.filter((f) => f.startsWith('/mirror/'))).toEqual([`${mirror}loader.js`]);
      expect(warnings.filter((w) => w.includes('[egov-vn]'))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });

  it('lets two versions with the same plain tags share a page: the first definition stays, nothing throws', async () => {
    const nextBase = `/egov-vn/${next}/`;
    const s = await site(
      { 'index.html': pageHtml(snippet(manifest) + snippet(nextManifest, nextBase), '<egov-deadline due="2026-02-26" today="2026-02-13"></egov-deadline>') },
      { [`egov-vn/${version}`]: builtFolder, [`egov-vn/${next}`]: join(out, 'egov-vn', next) },
    );
    try {
      const { page, problems } = await open(browser, `${s.url}/`);
      await expect.poll(() => upgraded(page, ['egov-deadline'])).toEqual(['egov-deadline']);
      expect(problems).toEqual([]);
      expect((await recorded(page)).errors).toEqual([]);
      await page.close();
    } finally {
      await s.close();
    }
  });
});
