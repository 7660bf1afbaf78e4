import { describe, expect, it } from 'vitest';
import { calendarElementsVersion } from './index.js';

describe('calendarElementsVersion', () => {
  it('is a semantic version', () => {
    expect(calendarElementsVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
