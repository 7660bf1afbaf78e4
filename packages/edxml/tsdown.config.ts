import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/document.ts', 'src/dsig.ts', 'src/testing.ts'] });
