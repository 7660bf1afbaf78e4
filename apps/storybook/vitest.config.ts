// Every story runs as a test in Chromium (Storybook's Vitest addon), on the shared browser setup of
// @egov-vn/vitest-config; results go to .test-results/ like every other workspace.
// Each story is also compared with its committed pictures (visual/story-screenshots.ts), and the project
// "visual-control" proves that the comparison catches a 2 px shift.
import { join } from 'node:path';
import { chromiumBrowser, egovVitestConfig } from '@egov-vn/vitest-config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

process.env['STORYBOOK_DISABLE_TELEMETRY'] = '1';

/**
 * The visual comparison, in one place. pixelmatch with a per-pixel colour threshold of 0.1 (of 1) and anti-aliased
 * pixels ignored; a picture passes when at most 0.1 % of its pixels differ (allowedMismatchedPixelRatio 0.001).
 * CSS animations and transitions are finished and the caret hidden before the capture (Playwright's options).
 */
const visual = {
  comparatorName: 'pixelmatch' as const,
  comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.001 },
  screenshotOptions: { animations: 'disabled' as const, caret: 'hide' as const, scale: 'css' as const },
  resolveScreenshotPath: ({ arg, ext, root }: { arg: string; ext: string; root: string }) => join(root, 'visual', 'baselines', `${arg}${ext}`),
  resolveDiffPath: ({ arg, ext, root }: { arg: string; ext: string; root: string }) => join(root, '.test-results', 'visual', `${arg}${ext}`),
};

// One object per project: Vitest names the browser instances after their project.
const browser = () => ({ ...chromiumBrowser(), expect: { toMatchScreenshot: visual } });

export default egovVitestConfig({
  node: false,
  browser: false,
  config: {
    test: {
      passWithNoTests: true,
      // Pictures of failed comparisons are kept with the other results, never beside the sources.
      attachmentsDir: '.test-results/attachments',
      projects: [
        {
          extends: true,
          plugins: [storybookTest({ configDir: join(import.meta.dirname, '.storybook') })],
          test: { name: 'storybook', browser: browser(), setupFiles: ['./visual/story-screenshots.ts'] },
        },
        {
          extends: true,
          test: { name: 'visual-control', include: ['visual/**/*.browser.test.ts'], browser: browser() },
        },
      ],
    },
  },
});
