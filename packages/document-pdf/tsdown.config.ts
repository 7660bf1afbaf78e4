import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/node.ts', 'src/register.ts'] });
