import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/testing.ts'] });
