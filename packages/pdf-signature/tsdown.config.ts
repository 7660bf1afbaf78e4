import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/node.ts', 'src/testing.ts', 'src/relay.ts', 'src/nd30/index.ts', 'src/nd30/rules.ts', 'src/pdfa/index.ts'] });
