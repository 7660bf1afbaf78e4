import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/schedule.ts', 'src/ical.ts'] });
