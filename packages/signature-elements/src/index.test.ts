import { describe, expect, it } from 'vitest';
import { signatureElementsVersion } from './index.js';

describe('signatureElementsVersion', () => {
  it('is a semantic version', () => {
    expect(signatureElementsVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
