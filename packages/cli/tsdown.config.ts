import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/bin.ts'], platform: 'node' });
