// The built folder (packages/cdn/dist/egov-vn/<version>/), as a mirror receives it: complete, hashed, self-contained.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ts from 'typescript';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untar } from '../src/build.js';
import { elementPackages } from '../src/elements.js';
import { defaultBase, importMapFor, scriptSrc, snippet } from '../src/importmap.js';
import { builtFolder, manifestOf, packageDir, version } from './harness.js';

const manifest = manifestOf();
const files = readdirSync(builtFolder, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(builtFolder, f)).isFile());
const scripts = files.filter((f) => /\.m?js$/.test(f));
const read = (file: string) => readFileSync(join(builtFolder, file), 'utf8');

/** Bare specifiers a module imports statically or dynamically (minified output: `from"x"`, `import("x")`, import(`x`)). */
const bareImports = (code: string) =>
  [...code.matchAll(/\bfrom\s*(["'])([^"'\s]+)\1|\bimport\s*\(\s*(["'`])([^"'`\s]+)\3\s*\)|(?:^|[;}])import\s*(["'])([^"'\s]+)\5/gm)]
    .map((m) => m[2] ?? m[4] ?? m[6]!)
    .filter((s) => !s.startsWith('.') && /^(@[\w.-]+\/)?[\w.-]+(\/[\w.@/-]*)?$/.test(s));

describe('the CDN folder', () => {
  it('has a module for every tag of every element package’s Custom Elements Manifest, in both variants', () => {
    const expected = elementPackages(packageDir).flatMap((p) => p.elements.map((e) => e.tag)).sort();
    expect(expected).toEqual(expect.arrayContaining(['egov-signature-panel', 'egov-deadline', 'egov-edoc-stats']));
    expect(Object.keys(manifest.tags).sort()).toEqual(expected);
    expect(Object.keys(manifest.suffixedTags).sort()).toEqual(expected.map((t) => `${t}-${manifest.tagSuffix}`));
    for (const file of [...Object.values(manifest.tags), ...Object.values(manifest.suffixedTags)]) expect(files).toContain(file);
  });

  it('gives every JavaScript file its sha384 in the manifest and the import map, and content-hashes every name but the loaders', () => {
    expect(Object.keys(manifest.integrity).sort()).toEqual(scripts.sort());
    for (const file of scripts) {
      expect(manifest.integrity[file]).toBe(`sha384-${createHash('sha384').update(readFileSync(join(builtFolder, file))).digest('base64')}`);
    }
    // The document fonts keep their names: <egov-compose> asks for `LiberationSerif-<face>.ttf` under the mapped prefix.
    const unhashed = files.filter((f) => !f.startsWith('assets/fonts/') && (f.startsWith('loader') || !/-[\w-]{8}\.(m?js|ttf)(\.map)?$/.test(f)));
    expect(unhashed.sort()).toEqual(
      ['csp.txt', 'egov-vn.d.ts', 'importmap-suffixed.json', 'importmap.json', 'loader-suffixed.js', 'loader-suffixed.js.map', 'loader.js', 'loader.js.map', 'manifest.json', 'snippet-suffixed.html', 'snippet.html'].sort(),
    );
    expect(JSON.parse(read('importmap.json'))).toEqual(importMapFor(manifest, defaultBase(version)));
  });

  it('resolves every bare import through the import map, so a page needs nothing else', () => {
    const specifiers = new Set(scripts.flatMap((f) => bareImports(read(f))));
    expect([...specifiers]).toEqual(expect.arrayContaining(['lit', 'zod', 'pdfjs-dist', 'pdfjs-dist/build/pdf.worker.min.mjs']));
    expect([...specifiers].filter((s) => !(s in manifest.imports))).toEqual([]);
    expect(Object.keys(manifest.imports)).toEqual(expect.arrayContaining(['lit', 'zod', 'pdfjs-dist', 'pdfjs-dist/build/pdf.worker.min.mjs']));
  });

  it('ships one lit, one zod and one pdf.js, in vendor/ only', () => {
    // Markers each library's code contains once: lit-html's version registry, zod's core class, pdf.js's worker handler.
    const holders = (marker: string) => scripts.filter((f) => read(f).includes(marker));
    expect(holders('litHtmlVersions')).toEqual([expect.stringMatching(/^vendor\//)]);
    expect(holders('$ZodType').every((f) => f.startsWith('vendor/'))).toBe(true);
    expect(holders('WorkerMessageHandler').every((f) => f.startsWith('vendor/'))).toBe(true);
  });

  it('has turned the CommonJS dependencies (node-forge) into ES modules', () => {
    const forge = scripts.filter((f) => read(f).includes('forge.pki'));
    expect(forge.length).toBeGreaterThan(0);
    // The CommonJS wrapper ends in an ES export (`export default …`): checked on the last line, not the whole file.
    for (const file of forge) expect(read(file).trimEnd().split('\n').at(-2)).toMatch(/\bexport\s*(\{|default\b)/);
  });

  it('keeps the stamp font in the folder, addressed relative to the module that loads it', () => {
    const font = files.find((f) => /^assets\/LiberationSerif-Regular-[\w-]{8}\.ttf$/.test(f));
    expect(font).toBeDefined();
    const users = scripts.filter((f) => read(f).includes(font!.slice('assets/'.length)));
    expect(users.length).toBeGreaterThan(0);
    for (const file of users) expect(read(file)).toContain(`new URL(\`../${font}\`,import.meta.url)`);
  });

  it('has source maps for its own modules', () => {
    // pdf.js ships without maps; Vite's preload helper, rolldown's runtime (CommonJS interop helpers) and the
    // re-export entries (only import and export statements) have no source of their own.
    const generated = (f: string) => f.startsWith('chunks/preload-helper') || f.startsWith('chunks/rolldown-runtime');
    const reExportOnly = (f: string) => /^(import\{[^}]*\}from"[^"]+";)*export\{[^}]*\};?\s*(\/\/# sourceMappingURL=\S+\s*)?$/.test(read(f));
    const own = scripts.filter((f) => !f.endsWith('.mjs') && !generated(f) && !reExportOnly(f) && statSync(join(builtFolder, f)).size > 500);
    expect(own.length).toBeGreaterThan(20);
    expect(own.filter((f) => !files.includes(`${f}.map`))).toEqual([]);
  });

  it('packs the same files into egov-vn-<version>.tgz for offline mirrors', () => {
    const into = mkdtempSync(join(tmpdir(), 'egov-cdn-untar-'));
    try {
      untar(join(packageDir, 'dist', `egov-vn-${version}.tgz`), into);
      const unpacked = join(into, 'egov-vn', version);
      const listed = readdirSync(unpacked, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(unpacked, f)).isFile());
      expect(listed.sort()).toEqual([...files].sort());
      for (const file of scripts) expect(readFileSync(join(unpacked, file)).equals(readFileSync(join(builtFolder, file)))).toBe(true);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });

  it('prints, through egov-vn-cdn snippet, the snippet and CSP of the folder for another mount point', () => {
    const base = 'https://cdn.tinh.gov.vn/js/egov-vn/' + version + '/';
    const run = spawnSync(process.execPath, [join(packageDir, 'dist', 'cli.js'), 'snippet', '--base', base], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${snippet(manifest, base)}\nContent-Security-Policy: ${scriptSrc(manifest, base)} https://cdn.tinh.gov.vn\n`);
    expect(read('snippet.html')).toBe(snippet(manifest));
    const bad = spawnSync(process.execPath, [join(packageDir, 'dist', 'cli.js'), 'publish'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Usage: egov-vn-cdn build/);
  });

  it('types the suffixed tags and egov-error for TypeScript pages (egov-vn.d.ts, with the npm packages’ classes)', () => {
    const dir = mkdtempSync(join(packageDir, '.types-check-'));
    try {
      const use = (reference: boolean) =>
        (reference ? `/// <reference path="${join(builtFolder, 'egov-vn.d.ts')}" />\n` : '') +
        `const panel = document.createElement('egov-signature-panel-${manifest.tagSuffix}');\n` +
        `panel.src = '/van-ban/1.pdf';\n` +
        `const plain: HTMLElementTagNameMap['egov-signature-panel'] = panel;\n` +
        (reference
          ? `import type { EgovLoadErrorDetail } from '${join(builtFolder, 'egov-vn.js')}';\n` +
            `document.addEventListener('egov-error', (e) => {\n` +
            `  if (e.detail.operation === 'load-element') console.log(e.detail.message.vi, (e.detail as EgovLoadErrorDetail).tag, plain);\n` +
            `});\n`
          : '') +
        `// @ts-expect-error: not a property of the panel\n` +
        `panel.notAProperty = 1;\n` +
        `export {};\n`;
      const diagnostics = (reference: boolean) => {
        const file = join(dir, reference ? 'typed.ts' : 'untyped.ts');
        writeFileSync(file, use(reference));
        const program = ts.createProgram([file], {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
          types: [],
        });
        return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      };
      expect(diagnostics(true)).toEqual([]);
      // Without the declarations the same page does not type-check: the test can fail.
      expect(diagnostics(false).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
