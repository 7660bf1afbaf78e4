import { expect, it } from 'vitest';
import { calendarElementsVersion } from './index.js';

it('loads in Chromium', () => {
  expect(navigator.userAgent).toContain('Chrome');
  expect(calendarElementsVersion()).toBe('0.0.0');
});
