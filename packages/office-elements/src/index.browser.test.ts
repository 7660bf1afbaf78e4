import { expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { officeElementsVersion } from './index.js';

it('loads in Chromium and knows its version', () => {
  expect(navigator.userAgent).toContain('Chrome');
  expect(officeElementsVersion()).toBe(manifest.version);
});
