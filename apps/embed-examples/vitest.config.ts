import { egovVitestConfig } from '@egov-vn/vitest-config';

// The test builds both pages with Vite (from the packages' dist) and drives them in Chromium: allow for the build.
export default egovVitestConfig({ node: true, testTimeout: 60_000, config: { test: { hookTimeout: 240_000 } } });
