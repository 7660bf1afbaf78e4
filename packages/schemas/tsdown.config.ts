import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/core.ts', 'src/time.ts', 'src/agency-codes.ts', 'src/strict-csp.ts'] });
