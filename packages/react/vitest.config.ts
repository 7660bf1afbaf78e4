import { egovVitestConfig } from '@egov-vn/vitest-config';

// The type test runs tsc in Node; the render test mounts the React components in Chromium.
export default egovVitestConfig({ node: true, browser: true });
