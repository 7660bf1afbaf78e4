import { expect, it } from 'vitest';
import { schemasVersion } from './index.js';

it('loads in Chromium', () => {
  expect(navigator.userAgent).toContain('Chrome');
  expect(schemasVersion()).toBe('0.0.0');
});
