// The library build shared by every publishable package: ESM only, declarations, source maps, module structure kept
// (unbundle) so that `sideEffects` and tree-shaking work per module. Dependencies stay external.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';

/**
 * The version of the package being built (its package.json in the working directory, where tsdown runs).
 * @param {string} [dir]
 * @returns {string}
 */
export function packageVersion(dir = process.cwd()) {
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).version;
}

/**
 * `__EGOV_VN_VERSION__` replaced by the package's version: a package's `src/version.ts` reads it, and falls back to its
 * package.json when run from sources (tests, the workspace's `@egov-vn/source` condition).
 * @param {string} [dir]
 * @returns {Record<string, string>}
 */
export function versionDefine(dir) {
  return { __EGOV_VN_VERSION__: JSON.stringify(packageVersion(dir)) };
}

/**
 * @param {Partial<import('tsdown').UserConfig> & { entry?: string[] }} [options]
 */
export function library(options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    dts: { sourcemap: true },
    sourcemap: true,
    unbundle: true,
    clean: true,
    outDir: 'dist',
    fixedExtension: false,
    hash: false,
    report: false,
    ...options,
    define: { ...versionDefine(), ...options.define },
  });
}
