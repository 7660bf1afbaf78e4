import { expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { calendarElementsVersion } from './index.js';

it('loads in Chromium and knows its version', () => {
  expect(navigator.userAgent).toContain('Chrome');
  expect(calendarElementsVersion()).toBe(manifest.version);
});
