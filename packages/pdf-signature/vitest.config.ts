import { egovVitestConfig } from '@egov-vn/vitest-config';

// Key generation (RSA-2048) and the outside peers (pdfsig, qpdf, openssl) are slow on a shared 2-core machine.
export default egovVitestConfig({ node: true, browser: true, testTimeout: 60_000, config: { test: { hookTimeout: 60_000 } } });
