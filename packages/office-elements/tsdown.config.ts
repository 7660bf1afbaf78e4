import { library } from '@egov-vn/build-config';

export default library({
  entry: ['src/index.ts', 'src/incoming/incoming.ts', 'src/context/office-context.ts', 'src/outgoing/outgoing.ts', 'src/register/register.ts', 'src/office/office.ts', 'src/compose/compose.ts', 'src/compose/electronic-copy.ts', 'src/testing.ts'],
});
