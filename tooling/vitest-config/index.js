// One Vitest configuration for every package. Tests sit beside the code:
//   src/**/*.test.ts          run in Node (project "node")
//   src/**/*.browser.test.ts  run in real Chromium (project "browser", Vitest browser mode)
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig, mergeConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './chromium.js';

/** Resolve workspace packages to their TypeScript sources, so tests need no build of their dependencies. */
export const sourceCondition = '@egov-vn/source';

/**
 * Vitest browser mode on the system Chromium (headless, through Playwright). Other Vitest setups that run in a browser
 * (Storybook's story tests) use this too, so Chromium is configured in one place.
 * @returns {import('vitest/node').BrowserConfigOptions}
 */
export function chromiumBrowser() {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: chromiumLaunchOptions }),
    instances: [{ browser: 'chromium' }],
  };
}

/**
 * testTimeout defaults to 30 s: CI machines run every package at once on two cores.
 * @param {{
 *   node?: boolean,
 *   browser?: boolean,
 *   testTimeout?: number,
 *   nodeSetupFiles?: string[],
 *   browserSetupFiles?: string[],
 *   config?: import('vitest/config').ViteUserConfig,
 * }} [options]
 */
export function egovVitestConfig(options = {}) {
  const { node = true, browser = false, testTimeout = 30_000, nodeSetupFiles = [], browserSetupFiles = [] } = options;
  /** @type {import('vitest/config').TestProjectInlineConfiguration[]} */
  const projects = [];
  if (node) {
    projects.push({
      extends: true,
      test: {
        name: 'node',
        environment: 'node',
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
        setupFiles: nodeSetupFiles,
      },
    });
  }
  if (browser) {
    projects.push({
      extends: true,
      test: {
        name: 'browser',
        include: ['src/**/*.browser.test.ts'],
        setupFiles: browserSetupFiles,
        browser: chromiumBrowser(),
      },
    });
  }
  const base = defineConfig({
    resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
    test: {
      projects,
      testTimeout,
      restoreMocks: true,
      reporters: ['default', 'json'],
      outputFile: { json: '.test-results/vitest.json' },
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.bench.ts'],
        reporter: ['text-summary', 'json-summary'],
      },
      benchmark: { include: ['bench/**/*.bench.ts', 'src/**/*.bench.ts'] },
    },
  });
  return options.config ? mergeConfig(base, options.config) : base;
}
