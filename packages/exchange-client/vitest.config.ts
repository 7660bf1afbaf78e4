import { egovVitestConfig } from '@egov-vn/vitest-config';

// The browser project serves msw's service-worker script from msw's own package (no generated copy to keep in step).
export default egovVitestConfig({ node: true, browser: true, config: { publicDir: 'node_modules/msw/lib' } });
