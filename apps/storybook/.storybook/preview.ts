// Every story gets the design tokens and two toolbar switches: the page language (vi/en, which egov-vn elements
// follow through `lang`) and the colour scheme (data-theme light/dark). Accessibility violations fail the story
// tests (a11y.test = 'error'); axe runs the kit's one tag list, WCAG 2.0/2.1/2.2 A and AA plus best practices
// (axeRunOnly of @egov-vn/elements-core/testing: without the wcag22aa tag axe would not check target sizes, 2.5.8).
import { installTokens } from '@egov-vn/elements-core';
import { axeRunOnly } from '@egov-vn/elements-core/testing';
import type { Preview } from '@storybook/web-components-vite';

installTokens(document);
document.body.style.background = 'var(--egov-color-surface)';
document.body.style.color = 'var(--egov-color-text)';

const preview: Preview = {
  parameters: {
    a11y: { test: 'error', options: { runOnly: axeRunOnly } },
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'Ngôn ngữ / Language',
      toolbar: {
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'vi', title: 'Tiếng Việt' },
          { value: 'en', title: 'English' },
        ],
      },
    },
    theme: {
      description: 'Giao diện / Theme',
      toolbar: {
        icon: 'mirror',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Sáng / Light' },
          { value: 'dark', title: 'Tối / Dark' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'vi', theme: 'light' },
  decorators: [
    (story, context) => {
      const { locale, theme } = context.globals as { locale?: string; theme?: string };
      document.documentElement.lang = locale ?? 'vi';
      document.documentElement.dataset['theme'] = theme ?? 'light';
      return story();
    },
  ],
};

export default preview;
