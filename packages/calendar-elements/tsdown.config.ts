import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/week-schedule/week-schedule.ts', 'src/month-calendar/month-calendar.ts', 'src/date-picker/date-picker.ts', 'src/deadline/deadline.ts'] });
