#!/usr/bin/env node
// `pnpm --filter @egov-vn/cli test:pack`: packs @egov-vn/schemas, @egov-vn/edxml and @egov-vn/cli (built), installs the
// tarballs with npm in a temporary project and runs `npx egov-vn check` on a good and a broken package.
// Needs the npm registry for third-party dependencies; not part of `pnpm test`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'egov-pack-'));
const proj = join(dir, 'proj');
mkdirSync(proj);
const run = (cmd, args, cwd, ok = [0]) => {
  try {
    return { code: 0, out: execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    if (!ok.includes(e.status)) throw e;
    return { code: e.status, out: e.stdout };
  }
};
try {
  for (const p of ['schemas', 'edxml', 'cli']) run('pnpm', ['pack', '--pack-destination', dir], join(root, 'packages', p));
  const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz')).map((f) => join(dir, f));
  writeFileSync(join(proj, 'package.json'), '{ "name": "smoke", "private": true, "type": "module" }\n');
  run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], proj);
  writeFileSync(
    join(proj, 'make.mjs'),
    `import { writeFileSync } from 'node:fs';
import { buildEdxml, attachmentFromBytes } from '@egov-vn/edxml';
const pkg = {
  kind: 'status',
  header: {
    from: { organId: '000.00.00.H49', organName: 'UBND tỉnh Quảng Ninh' },
    responseFor: { organId: '000.00.00.G22', code: '16/VPCP-TTĐT', promulgationDate: '2024/03/12', documentId: '000.00.00.G22,2024/03/12,16/VPCP-TTĐT' },
    statusCode: '03', description: 'Tiếp nhận', timestamp: '2024/03/12 10:15:00',
  },
};
writeFileSync('good.edxml', buildEdxml(pkg));
writeFileSync('bad.edxml', buildEdxml({ ...pkg, header: { ...pkg.header, statusCode: '09' } }));
void attachmentFromBytes;
`,
  );
  run('node', ['make.mjs'], proj);
  const good = run('npx', ['egov-vn', 'check', 'good.edxml'], proj);
  const bad = run('npx', ['egov-vn', 'check', '--lang', 'en', 'bad.edxml'], proj, [1]);
  const missing = run('npx', ['egov-vn', 'check', 'missing.edxml'], proj, [2]);
  if (good.code !== 0 || !good.out.includes('✔')) throw new Error(`good package: ${good.out}`);
  if (bad.code !== 1 || !bad.out.includes('[EDXML_STATUS_CODE_UNKNOWN]')) throw new Error(`bad package: ${bad.out}`);
  if (missing.code !== 2) throw new Error('missing file should exit 2');
  console.log('pack smoke test: npx egov-vn check works from the packed tarballs (exit codes 0, 1, 2).');
  console.log('1 passed, 0 failed');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
