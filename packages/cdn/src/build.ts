// The CDN build: every element of the element packages as minified, content-hashed ES modules with source maps in
// `<outDir>/egov-vn/<version>/`, the shared modules (lit, zod, pdf.js and its worker) once, an import map with SRI
// hashes, the autoloaders, and a .tgz of the folder for offline mirrors. Vite 8 (rolldown) does the bundling: it turns
// the CommonJS dependencies (node-forge, pako) into ES modules and copies the assets the code addresses with
// `new URL('…', import.meta.url)` (the stamp font) beside the modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { InlineConfig, Plugin, Rolldown } from 'vite';
import { elementPackages } from './elements.js';
import type { ElementPackage } from './elements.js';
import { defaultBase, importMapFor, scriptSrc, snippet, sri } from './importmap.js';
import type { CdnManifest } from './importmap.js';

/** Bare specifiers shared through the import map instead of being bundled into each element's modules. */
export const sharedSpecifier = /^(?:lit|lit-html|lit-element|@lit\/reactive-element|zod|pdfjs-dist)(?:\/.*)?$/;

/** pdf.js ships minified ES modules: copied as they are (re-minifying 1.7 MB would only slow the build). */
const pdfjsFiles: Record<string, string> = {
  'pdfjs-dist': 'build/pdf.min.mjs',
  'pdfjs-dist/build/pdf.worker.min.mjs': 'build/pdf.worker.min.mjs',
};

export interface BuildCdnOptions {
  /** The package folder (packages/cdn): its package.json gives the version and the element packages. */
  readonly cdnDir?: string;
  /** Where `egov-vn/<version>/` and the .tgz are written (default `<cdnDir>/dist`). */
  readonly outDir?: string;
  /** The folder's version (default: the package's version). */
  readonly version?: string;
  /** Bundle the packages' TypeScript sources (the `@egov-vn/source` condition) instead of their built `dist`. */
  readonly fromSource?: boolean;
  /** Also write the .tgz (default true). */
  readonly tarball?: boolean;
}

export interface BuildCdnResult {
  readonly folder: string;
  readonly tarball: string | undefined;
  readonly manifest: CdnManifest;
}

const here = dirname(fileURLToPath(import.meta.url));
const posix = (path: string) => path.split(sep).join('/');

/** `1.2.3` → `1-2` (`0.x` versions break on minor: the suffix follows major and minor). */
export function tagSuffix(version: string): string {
  const match = /^(\d+)\.(\d+)\./.exec(version);
  if (!match) throw new Error(`Not a semantic version: ${version}`);
  return `${match[1]}-${match[2]}`;
}

/** Rewrite every known tag in module code to its version-suffixed form (`egov-x` → `egov-x-1-2`; events untouched). */
export function suffixTags(code: string, tags: readonly string[], suffix: string): string {
  if (tags.length === 0) return code;
  const pattern = new RegExp(`(?<![\\w-])(${[...tags].sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`, 'g');
  return code.replace(pattern, `$1-${suffix}`);
}

function suffixPlugin(tags: readonly string[], suffix: string): Plugin {
  return {
    name: 'egov-cdn-suffix-tags',
    transform(code) {
      const next = suffixTags(code, tags, suffix);
      return next === code ? null : { code: next, map: null };
    },
  };
}

const baseConfig = (cdnDir: string, outDir: string, fromSource: boolean): InlineConfig => ({
  configFile: false,
  root: cdnDir,
  logLevel: 'warn',
  mode: 'production',
  // Assets (the stamp font) addressed relative to the module that uses them, wherever the folder is mounted.
  base: './',
  publicDir: false,
  ...(fromSource ? { resolve: { conditions: ['@egov-vn/source', 'module', 'browser', 'production'] } } : {}),
  build: {
    outDir,
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    target: 'es2022',
    modulePreload: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    copyPublicDir: false,
    // The on-demand chunks (pdf-signature with pkijs, the stamp's fontkit) are big by nature; the page weight is
    // budgeted by the tests instead.
    chunkSizeWarningLimit: 1024,
  },
});

function outputs(result: unknown): Rolldown.RolldownOutput[] {
  return (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
}

/** Build the elements (optionally with suffixed tags); returns tag → entry file and the shared specifiers seen. */
async function buildElements(
  cdnDir: string,
  folder: string,
  packages: readonly ElementPackage[],
  fromSource: boolean,
  suffix: string | undefined,
): Promise<{ tags: Record<string, string>; shared: Set<string> }> {
  const shared = new Set<string>();
  const allTags = packages.flatMap((p) => p.elements.map((e) => e.tag));
  const input: Record<string, string> = {};
  const entryTag = new Map<string, string>();
  for (const pkg of packages) {
    const short = pkg.name.replace(/^@egov-vn\//, '');
    for (const element of pkg.elements) {
      const name = `${suffix ? 'suffixed/' : ''}${short}/${element.subpath.replace(/^\.\//, '')}`;
      input[name] = element.file;
      entryTag.set(name, suffix ? `${element.tag}-${suffix}` : element.tag);
    }
  }
  const config = baseConfig(cdnDir, folder, fromSource);
  const result = await build({
    ...config,
    plugins: suffix ? [suffixPlugin(allTags, suffix)] : [],
    build: {
      ...config.build,
      rolldownOptions: {
        input,
        preserveEntrySignatures: 'exports-only',
        checks: { pluginTimings: false },
        external: (id) => {
          if (!sharedSpecifier.test(id)) return false;
          shared.add(id);
          return true;
        },
        output: {
          entryFileNames: '[name]-[hash].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  });
  const tags: Record<string, string> = {};
  for (const output of outputs(result)) {
    for (const chunk of output.output) {
      if (chunk.type === 'chunk' && chunk.isEntry) tags[entryTag.get(chunk.name)!] = chunk.fileName;
    }
  }
  return { tags, shared };
}

/**
 * The fonts `<egov-compose>` renders documents with (`@egov-vn/document-pdf/fonts/`), copied to `assets/fonts/` and
 * mapped under that prefix, so the feature finds them in this folder (`import.meta.resolve`) instead of the page's
 * `/fonts/`. Nothing when no element package depends on `@egov-vn/document-pdf`.
 */
function copyDocumentFonts(folder: string, packages: readonly ElementPackage[]): Record<string, string> {
  for (const p of packages) {
    let fontsDir: string;
    try {
      fontsDir = dirname(createRequire(join(p.dir, 'package.json')).resolve('@egov-vn/document-pdf/fonts/LiberationSerif-Regular.ttf'));
    } catch {
      continue;
    }
    const target = join(folder, 'assets', 'fonts');
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(fontsDir).filter((f) => /\.(ttf|txt)$/.test(f))) copyFileSync(join(fontsDir, file), join(target, file));
    return { '@egov-vn/document-pdf/fonts/': 'assets/fonts/' };
  }
  return {};
}

/** Build the shared modules (every lit and zod specifier the elements import) as one graph; copy pdf.js. */
async function buildShared(cdnDir: string, folder: string, specifiers: Set<string>, fromSource: boolean): Promise<Record<string, string>> {
  const require = createRequire(join(cdnDir, 'package.json'));
  const imports: Record<string, string> = {};
  const input: Record<string, string> = {};
  const nameOf = (spec: string) => spec.replace(/^@/, '').replace(/\.m?js$/, '').replace(/[^a-zA-Z0-9.-]+/g, '-');
  for (const spec of [...specifiers].sort()) {
    const pdfjs = pdfjsFiles[spec];
    if (pdfjs !== undefined) {
      const from = join(dirname(require.resolve('pdfjs-dist/package.json')), pdfjs);
      const bytes = readFileSync(from);
      const file = `vendor/${nameOf(spec)}-${sri(bytes).slice(7, 15).replace(/[+/]/g, '_')}.mjs`;
      mkdirSync(join(folder, 'vendor'), { recursive: true });
      copyFileSync(from, join(folder, file));
      imports[spec] = file;
    } else if (spec.startsWith('pdfjs-dist')) {
      throw new Error(`The elements import ${spec}, which the CDN build does not map (add it to pdfjsFiles).`);
    } else {
      input[nameOf(spec)] = spec;
    }
  }
  if (Object.keys(input).length === 0) return imports;
  // zod compiles object parsers with `new Function` unless told `jitless`: on a page whose CSP has no 'unsafe-eval' (or
  // enforces Trusted Types) even its caught probe is reported as a violation. The folder's one zod runs jitless.
  if (input['zod'] !== undefined) input['zod'] = jitlessZod;
  const config = baseConfig(cdnDir, folder, fromSource);
  const result = await build({
    ...config,
    plugins: [jitlessZodPlugin],
    build: {
      ...config.build,
      rolldownOptions: {
        input,
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: 'vendor/[name]-[hash].js', chunkFileNames: 'vendor/[name]-[hash].js' },
      },
    },
  });
  const byName = Object.fromEntries(Object.entries(input).map(([name, spec]) => [name, spec === jitlessZod ? 'zod' : spec]));
  for (const output of outputs(result)) {
    for (const chunk of output.output) if (chunk.type === 'chunk' && chunk.isEntry) imports[byName[chunk.name]!] = chunk.fileName;
  }
  return imports;
}

const jitlessZod = '\0egov-cdn-zod';
const jitlessZodPlugin: Plugin = {
  name: 'egov-cdn-jitless-zod',
  resolveId: (id) => (id === jitlessZod ? id : null),
  load: (id) => (id === jitlessZod ? "import { config } from 'zod';\nconfig({ jitless: true });\nexport * from 'zod';\nexport { default } from 'zod';\n" : null),
};

async function buildLoader(cdnDir: string, folder: string, fileName: string, id: string, tags: Record<string, string>): Promise<void> {
  const config = baseConfig(cdnDir, folder, false);
  await build({
    ...config,
    define: { __EGOV_CDN_TAGS__: JSON.stringify(tags), __EGOV_CDN_ID__: JSON.stringify(id) },
    build: {
      ...config.build,
      rolldownOptions: {
        input: { loader: join(here, '..', 'src', 'loader.ts') },
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: fileName },
      },
    },
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map(posix)
    .sort();
}

/** A POSIX ustar archive of `dir`'s files under `prefix/`, deterministic (sorted names, mtime 0, root owner). */
function tar(dir: string, files: readonly string[], prefix: string): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const body = readFileSync(join(dir, file));
    const header = Buffer.alloc(512);
    const full = `${prefix}/${file}`;
    const cut = full.length > 100 ? full.lastIndexOf('/') : -1;
    const [pre, name] = cut < 0 ? ['', full] : [full.slice(0, cut), full.slice(cut + 1)];
    if (Buffer.byteLength(name) > 100 || Buffer.byteLength(pre) > 155) throw new Error(`Path too long for a tar header: ${full}`);
    header.write(name, 0, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    header.write(pre, 345, 'utf8');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/**
 * `egov-vn.d.ts` of a folder: the version-suffixed tags typed with the npm packages' classes (which declare the plain
 * tags and their events themselves), and the detail of the loader's `egov-error` (the event itself is typed on the
 * document by @egov-vn/office-elements when the folder has it, with the kit's common detail shape).
 */
export function declarations(version: string, suffix: string, packages: readonly ElementPackage[]): string {
  const elements = packages.flatMap((p) => p.elements);
  const imports = elements.map((e) => `import type { ${e.className} } from '${e.packageName}/${e.subpath.replace(/^\.\//, '')}';`);
  const suffixed = elements.map((e) => `    '${e.tag}-${suffix}': ${e.className};`);
  return (
    `// egov-vn CDN ${version}: types for TypeScript pages that use this folder. The element classes and their events come\n` +
    `// from the npm packages, added as dev dependencies for their types only (nothing of them is bundled):\n` +
    `//   npm i -D ${packages.map((p) => `${p.name}@${p.version}`).join(' ')} lit\n` +
    `// then reference this file (/// <reference path="…/egov-vn.d.ts" />) or copy it into the project.\n` +
    `${imports.join('\n')}\n\n` +
    `/**\n * \`detail\` of the \`egov-error\` the loader sends an element whose module could not be loaded (network, integrity):\n` +
    ` * the kit's \`egov-error\` shape (typed on the document by @egov-vn/office-elements) plus the tag and the URL.\n` +
    ` * \`if (e.detail.operation === 'load-element') { const { tag, url } = e.detail as EgovLoadErrorDetail; }\`\n */\n` +
    `export interface EgovLoadErrorDetail {\n  readonly code: 'CHUNK_LOAD';\n  readonly message: { readonly vi: string; readonly en: string };\n` +
    `  readonly operation: 'load-element';\n  readonly status: 0;\n  readonly tag: string;\n  readonly url: string;\n}\n\n` +
    `declare global {\n  interface HTMLElementTagNameMap {\n${suffixed.join('\n')}\n  }\n` +
    (elements.some((e) => e.tag === 'egov-office-context')
      ? '}\n'
      : `  interface GlobalEventHandlersEventMap {\n    'egov-error': CustomEvent<EgovLoadErrorDetail>;\n  }\n}\n`)
  );
}

/** Build the CDN folder. */
export async function buildCdn(options: BuildCdnOptions = {}): Promise<BuildCdnResult> {
  const cdnDir = options.cdnDir ?? join(here, '..');
  const outDir = options.outDir ?? join(cdnDir, 'dist');
  const own = JSON.parse(readFileSync(join(cdnDir, 'package.json'), 'utf8')) as { version: string };
  const version = options.version ?? own.version;
  const suffix = tagSuffix(version);
  const fromSource = options.fromSource ?? false;
  const folder = join(outDir, 'egov-vn', version);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });

  const packages = elementPackages(cdnDir, { fromSource });
  // Vitest and other callers may run with NODE_ENV=test: the CDN always carries the production builds (Lit's too).
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  let tags: Record<string, string>;
  let suffixedTags: Record<string, string>;
  let imports: Record<string, string>;
  try {
    const plain = await buildElements(cdnDir, folder, packages, fromSource, undefined);
    // Chunks without a tag in them come out byte-identical, so the suffixed build shares them (same hashed names).
    const suffixed = await buildElements(cdnDir, folder, packages, fromSource, suffix);
    tags = plain.tags;
    suffixedTags = suffixed.tags;
    imports = await buildShared(cdnDir, folder, new Set([...plain.shared, ...suffixed.shared]), fromSource);
    Object.assign(imports, copyDocumentFonts(folder, packages));
    await buildLoader(cdnDir, folder, 'loader.js', version, tags);
    await buildLoader(cdnDir, folder, 'loader-suffixed.js', `${version}+suffixed`, suffixedTags);
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }

  const integrity: Record<string, string> = {};
  for (const file of filesUnder(folder)) if (/\.m?js$/.test(file)) integrity[file] = sri(readFileSync(join(folder, file)));
  const manifest: CdnManifest = {
    version,
    tagSuffix: suffix,
    tags,
    suffixedTags,
    imports,
    integrity,
    packages: Object.fromEntries(packages.map((p) => [p.name, p.version])),
  };
  const base = defaultBase(version);
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(folder, 'importmap.json'), JSON.stringify(importMapFor(manifest, base), null, 2) + '\n');
  writeFileSync(join(folder, 'importmap-suffixed.json'), JSON.stringify(importMapFor(manifest, base, { suffixed: true }), null, 2) + '\n');
  writeFileSync(join(folder, 'egov-vn.d.ts'), declarations(version, suffix, packages));
  writeFileSync(join(folder, 'snippet.html'), snippet(manifest, base));
  writeFileSync(join(folder, 'snippet-suffixed.html'), snippet(manifest, base, { suffixed: true }));
  writeFileSync(
    join(folder, 'csp.txt'),
    `# snippet.html (loader.js):\n${scriptSrc(manifest, base)}\n# snippet-suffixed.html (loader-suffixed.js):\n${scriptSrc(manifest, base, { suffixed: true })}\n`,
  );

  let tarball: string | undefined;
  if (options.tarball ?? true) {
    tarball = join(outDir, `egov-vn-${version}.tgz`);
    writeFileSync(tarball, gzipSync(tar(folder, filesUnder(folder), `egov-vn/${version}`), { level: 9 }));
  }
  return { folder, tarball, manifest };
}

/** Unpack a .tgz written by {@link buildCdn} with the system `tar` (used by tests and documented for mirrors). */
export function untar(tarball: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const run = spawnSync('tar', ['-xzf', tarball, '-C', into], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tar failed: ${run.stderr}`);
}
