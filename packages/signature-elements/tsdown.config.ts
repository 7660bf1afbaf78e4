import { library } from '@egov-vn/build-config';

export default library({ entry: ['src/index.ts', 'src/signature-panel/signature-panel.ts', 'src/sign-dialog/sign-dialog.ts', 'src/sign-button/sign-button.ts', 'src/pdf-viewer/pdf-viewer.ts'] });
