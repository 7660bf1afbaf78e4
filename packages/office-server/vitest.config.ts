import { egovVitestConfig } from '@egov-vn/vitest-config';

// PGlite compiles its WebAssembly when a database opens: allow for it on a loaded machine.
export default egovVitestConfig({ node: true, browser: false, testTimeout: 120_000, config: { test: { hookTimeout: 180_000 } } });
