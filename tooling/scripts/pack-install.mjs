#!/usr/bin/env node
// `node tooling/scripts/pack-install.mjs [--with-cli] [--keep]`: what an agency developer meets outside the monorepo.
// Packs every publishable package (built: run `pnpm build` first), installs the tarballs with plain npm in a scratch
// project under the system temp directory, and reports
//   1. how many copies of zod, pkijs and asn1js the install holds (`npm ls`), which must be one each;
//   2. whether a Node-only TypeScript project (lib ES2022, types node, no skipLibCheck) type-checks against the
//      declarations of @egov-vn/pdf-signature and @egov-vn/edxml (with ./dsig, whose optional peers it installs).
// Needs the npm registry for third-party dependencies, so it is not part of `pnpm test`. Exit 1 on a finding.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const withCli = process.argv.includes('--with-cli');
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'egov-pack-install-'));
const tarballs = join(dir, 'tarballs');
const app = join(dir, 'app');
mkdirSync(tarballs);
mkdirSync(app);
const findings = [];
try {
  const skipped = new Set(['cdn', ...(withCli ? [] : ['cli'])]);
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const pkgDir = join(root, 'packages', name);
    if (!existsSync(join(pkgDir, 'package.json')) || skipped.has(name)) continue;
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    if (!existsSync(join(pkgDir, 'dist'))) {
      findings.push(`${manifest.name}: no dist/ (run pnpm build first); not packed`);
      continue;
    }
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: pkgDir, stdio: 'pipe' });
  }
  const packed = readdirSync(tarballs).filter((f) => f.endsWith('.tgz')).map((f) => join(tarballs, f));
  console.log(`packed ${packed.length} packages: ${packed.map((p) => p.split('/').pop()).join(', ')}`);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'agency-app', private: true, type: 'module' }, null, 2));
  const npm = (args) => spawnSync('npm', args, { cwd: app, encoding: 'utf8', stdio: 'pipe' });
  const install = npm(['install', '--no-audit', '--no-fund', '--loglevel=error', ...packed, 'lit@^3', 'zod@^4']);
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  for (const lib of ['zod', 'pkijs', 'asn1js']) {
    const ls = npm(['ls', lib, '--all', '--parseable', '--long']);
    const copies = [...new Set(ls.stdout.split('\n').filter(Boolean).map((line) => line.split(':')[1]))].filter((v) => v?.startsWith(`${lib}@`));
    console.log(`npm ls ${lib}: ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'} (${copies.join(', ')})`);
    if (copies.length !== 1) findings.push(`${lib}: ${copies.length} copies (${copies.join(', ')})`);
  }
  // A Node-only consumer of the declarations, with the optional peers of @egov-vn/edxml/dsig installed.
  const peers = npm(['install', '--no-audit', '--no-fund', '--loglevel=error', 'xmldsigjs@^2.8.8', 'xml-core@^1.2.6', '@xmldom/xmldom@^0.9.12', 'typescript@~5.9.3', '@types/node@^20.19.0']);
  if (peers.status !== 0) throw new Error(`npm install (peers) failed:\n${peers.stderr}`);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: ['node'], module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false }, include: ['main.ts'] }, null, 2),
  );
  writeFileSync(
    join(app, 'main.ts'),
    `import { verifyPdf, signPdf, pkcs12Signer } from '@egov-vn/pdf-signature';
import { loadDefaultFont } from '@egov-vn/pdf-signature/node';
import { parseEdxml, buildEdxml } from '@egov-vn/edxml';
import { signEdxml, verifyEdxmlSignature } from '@egov-vn/edxml/dsig';
export { verifyPdf, signPdf, pkcs12Signer, loadDefaultFont, parseEdxml, buildEdxml, signEdxml, verifyEdxmlSignature };
`,
  );
  const tsc = spawnSync(join(app, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: app, encoding: 'utf8' });
  const errors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  console.log(`Node-only consumer (lib ES2022, types node, no skipLibCheck): ${errors} type errors`);
  if (errors > 0) {
    const byFile = new Map();
    for (const line of tsc.stdout.split('\n')) {
      const m = /^(node_modules\/[^(]+)\(/.exec(line);
      if (m) byFile.set(m[1], (byFile.get(m[1]) ?? 0) + 1);
    }
    console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([f, n]) => `  ${n}\t${f}`).join('\n'));
    findings.push(`Node-only consumer: ${errors} type errors`);
  }
} finally {
  if (keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
if (findings.length > 0) {
  console.log(`\nFindings:\n${findings.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nOne copy each of zod, pkijs and asn1js; the Node-only consumer type-checks.');
