// Every story runs as a test in Chromium (Storybook's Vitest addon), on the shared browser setup of
// @egov-vn/vitest-config; results go to .test-results/ like every other workspace.
import { join } from 'node:path';
import { chromiumBrowser, egovVitestConfig } from '@egov-vn/vitest-config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

process.env['STORYBOOK_DISABLE_TELEMETRY'] = '1';

export default egovVitestConfig({
  node: false,
  browser: false,
  config: {
    test: {
      passWithNoTests: true,
      projects: [
        {
          extends: true,
          plugins: [storybookTest({ configDir: join(import.meta.dirname, '.storybook') })],
          test: { name: 'storybook', browser: chromiumBrowser() },
        },
      ],
    },
  },
});
