import { library } from '@egov-vn/build-config';

export default library();
