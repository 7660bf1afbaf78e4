import { egovVitestConfig } from '@egov-vn/vitest-config';

// Node tests: the compose model (src/*.test.ts) and the end-to-end journey in the system Chromium (test/*.test.ts),
// which starts the hub and the portal itself. PGlite, Vite and Chromium are slow on a loaded 2-core machine: hooks
// and tests get minutes, and every `expect.poll` waits up to 20 s for the page (it returns as soon as it holds).
export default egovVitestConfig({
  node: true,
  testTimeout: 400_000,
  config: { test: { hookTimeout: 600_000, fileParallelism: false, expect: { poll: { timeout: 20_000 } } } },
});
