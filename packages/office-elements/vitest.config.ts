import { join } from 'node:path';
import { egovVitestConfig } from '@egov-vn/vitest-config';
import { pdfTextCommands } from './test/pdf-text.commands.js';
import { realOfficeCommands } from './test/real-office.commands.js';

const config = egovVitestConfig({ node: true, browser: true });
// The real-server harness (test/real-office.ts): browser tests call these commands, which run in this process and
// start the hub and the office server on first use; the global teardown stops them.
for (const project of config.test?.projects ?? []) {
  if (typeof project === 'object' && 'test' in project && project.test?.browser) {
    project.test.browser.commands = { ...project.test.browser.commands, ...realOfficeCommands, ...pdfTextCommands };
    project.test.globalSetup = [join(import.meta.dirname, 'test/real-office.teardown.ts')];
  }
}

export default config;
