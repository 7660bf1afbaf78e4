// The version a package reports is its package.json version, injected by the shared build (tooling/build-config
// defines __EGOV_VN_VERSION__): a package scaffolded by `pnpm new:package` is written into .tmp/, given a version,
// built with the real tsdown, and its built module is imported.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageFiles } from '../../scripts/new-package.mjs';

const here = join(import.meta.dirname, '..');
const root = join(here, '..', '..');
const tmp = join(here, '.tmp', `version-${process.pid}`);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the built package reports the version of its package.json', () => {
  it('tsdown replaces __EGOV_VN_VERSION__ and drops the package.json import', async () => {
    const files = packageFiles({ name: 'versioned', pkgName: '@egov-vn/versioned', description: 'x', browser: false });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(tmp, path, '..'), { recursive: true });
      writeFileSync(join(tmp, path), content);
    }
    const manifest = JSON.parse(readFileSync(join(tmp, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ ...manifest, version: '3.14.15' }, null, 2));
    const result = spawnSync('tsdown', [], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env['PATH'] ?? ''].join(delimiter) },
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    const built = readFileSync(join(tmp, 'dist', 'version.js'), 'utf8');
    expect(built).toContain('"3.14.15"');
    expect(built).not.toContain('package.json');
    // Change package.json after the build: the built module keeps the version it was built with.
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ ...manifest, version: '9.9.9' }, null, 2));
    const mod = (await import(pathToFileURL(join(tmp, 'dist', 'index.js')).href)) as { versionedVersion(): string };
    expect(mod.versionedVersion()).toBe('3.14.15');
  });
});
