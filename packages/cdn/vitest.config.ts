import { egovVitestConfig } from '@egov-vn/vitest-config';

// The browser proofs drive the system Chromium through Playwright over pages served from the built CDN folder (see
// test/harness.ts); one of them builds a second version of the folder first: allow for it, and for pages on a loaded
// CI machine before a poll gives up.
export default egovVitestConfig({ node: true, browser: false, testTimeout: 60_000, config: { test: { hookTimeout: 180_000, expect: { poll: { timeout: 15_000 } } } } });
