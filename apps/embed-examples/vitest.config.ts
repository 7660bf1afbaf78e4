import { egovVitestConfig } from '@egov-vn/vitest-config';

// The test builds both pages with Vite (from the packages' dist) and drives them in Chromium: allow for the build, and
// give what the pages do (verifying a signed PDF) time on a loaded CI machine before a poll gives up.
export default egovVitestConfig({ node: true, testTimeout: 60_000, config: { test: { hookTimeout: 600_000, expect: { poll: { timeout: 15_000 } } } } });
