import { egovVitestConfig } from '@egov-vn/vitest-config';

// Each case runs real tools (eslint, tsc, vitest in Chromium, tsdown, publint, size-limit) one after the other.
export default egovVitestConfig({
  node: true,
  browser: false,
  testTimeout: 120_000,
  config: { test: { hookTimeout: 120_000, fileParallelism: false } },
});
