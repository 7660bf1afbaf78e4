import { expect, it } from 'vitest';
import { signatureElementsVersion } from './index.js';

it('loads in Chromium', () => {
  expect(navigator.userAgent).toContain('Chrome');
  expect(signatureElementsVersion()).toBe('0.0.0');
});
