import { egovVitestConfig } from '@egov-vn/vitest-config';

export default egovVitestConfig({ node: true, browser: true });
