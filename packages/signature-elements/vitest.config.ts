import { egovVitestConfig } from '@egov-vn/vitest-config';

// The remote-signing browser tests talk to a CSC mock and the signing relay started in Node (test/remote-signing.setup.ts).
export default egovVitestConfig({ node: true, browser: true, config: { test: { globalSetup: ['./test/remote-signing.setup.ts'] } } });
