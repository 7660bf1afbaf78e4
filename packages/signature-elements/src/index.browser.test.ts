import { expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { signatureElementsVersion } from './index.js';

it('loads in Chromium and knows its version', () => {
  expect(navigator.userAgent).toContain('Chrome');
  expect(signatureElementsVersion()).toBe(manifest.version);
});
