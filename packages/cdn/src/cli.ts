#!/usr/bin/env node
// egov-vn-cdn: build the CDN folder (in the workspace), serve folders inside a network, print a page's snippet.
//   egov-vn-cdn build [--out <dir>] [--version <x.y.z>] [--from-source]
//   egov-vn-cdn serve [<root>] [--port 8080] [--host 0.0.0.0]     (root holds egov-vn/<version>/…; default: the package's dist)
//   egov-vn-cdn snippet [--base https://cdn.example.gov.vn/egov-vn/1.2.0/] [--suffixed] [--root <dir>] [--version <x.y.z>]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultBase, scriptSrc, snippet } from './importmap.js';
import type { CdnManifest } from './importmap.js';
import { serveCdn } from './serve.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const usage =
  'Usage: egov-vn-cdn build [--out <dir>] [--version <x.y.z>] [--from-source]\n' +
  '       egov-vn-cdn serve [<root>] [--port 8080] [--host 127.0.0.1]\n' +
  '       egov-vn-cdn snippet [--base <url of the versioned folder>] [--suffixed] [--root <dir>] [--version <x.y.z>]';

function latestVersion(root: string): string {
  const versions = readdirSync(join(root, 'egov-vn')).filter((v) => /^\d+\.\d+\.\d+/.test(v));
  if (versions.length === 0) throw new Error(`No egov-vn/<version>/ folder in ${root}.`);
  return versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)!;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      version: { type: 'string' },
      'from-source': { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string' },
      root: { type: 'string' },
      suffixed: { type: 'boolean', default: false },
    },
  });
  const [command, arg] = positionals;
  if (command === 'build') {
    // Only the build needs Vite (a dev dependency of the workspace): loaded on demand.
    const { buildCdn } = await import('./build.js');
    const started = Date.now();
    const result = await buildCdn({ outDir: values.out, version: values.version, fromSource: values['from-source'] });
    const files = Object.keys(result.manifest.integrity).length;
    console.log(`egov-vn CDN ${result.manifest.version}: ${Object.keys(result.manifest.tags).length} elements, ${files} modules → ${result.folder} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (result.tarball) console.log(`offline bundle: ${result.tarball}`);
    return 0;
  }
  if (command === 'serve') {
    const root = arg ?? join(packageDir, 'dist');
    const server = await serveCdn({ root, port: Number(values.port), host: values.host });
    console.log(`egov-vn CDN: ${server.url}/egov-vn/${latestVersion(root)}/loader.js (serving ${root}; Ctrl+C to stop)`);
    return new Promise<number>(() => undefined);
  }
  if (command === 'snippet') {
    const root = values.root ?? join(packageDir, 'dist');
    const version = values.version ?? latestVersion(root);
    const manifest = JSON.parse(readFileSync(join(root, 'egov-vn', version, 'manifest.json'), 'utf8')) as CdnManifest;
    const base = values.base ?? defaultBase(version);
    process.stdout.write(snippet(manifest, base, { suffixed: values.suffixed }));
    console.log(`\nContent-Security-Policy: ${scriptSrc(manifest, base, { suffixed: values.suffixed })}${base.startsWith('http') ? ` ${new URL(base).origin}` : ''}`);
    return 0;
  }
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
