// Storybook for every egov-vn element. Stories live beside the elements (packages/*/src/**/*.stories.ts); this app
// only holds the configuration and the introduction page. Workspace packages resolve to their TypeScript sources
// (the @egov-vn/source condition), so no package needs a build first. Telemetry is off and nothing is fetched: it
// works offline.
import { sourceCondition } from '@egov-vn/vitest-config';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../src/**/*.mdx', '../../../packages/*/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // No onboarding checklist in the sidebar: this Storybook documents a kit, it is not a new project.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
      // Storybook's own manager and preview bundles are large by design; only ours would deserve the warning.
      build: { chunkSizeWarningLimit: 4096 },
    });
  },
};

export default config;
