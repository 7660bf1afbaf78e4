// The library build shared by every publishable package: ESM only, declarations, source maps, module structure kept
// (unbundle) so that `sideEffects` and tree-shaking work per module. Dependencies stay external.
import { defineConfig } from 'tsdown';

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
  });
}
