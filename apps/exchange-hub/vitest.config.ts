import { egovVitestConfig } from '@egov-vn/vitest-config';

// PGlite compiles its WebAssembly when a hub starts: allow for it on a loaded machine.
export default egovVitestConfig({ node: true, testTimeout: 120_000, config: { test: { hookTimeout: 120_000 } } });
