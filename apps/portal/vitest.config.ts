import { egovVitestConfig } from '@egov-vn/vitest-config';

// Node tests: the compose model (src/*.test.ts) and the end-to-end journey in the system Chromium (test/*.test.ts),
// which starts the hub and the portal itself. PGlite and Vite take a while to start on a loaded 2-core machine.
export default egovVitestConfig({ node: true, testTimeout: 120_000, config: { test: { hookTimeout: 180_000, fileParallelism: false } } });
