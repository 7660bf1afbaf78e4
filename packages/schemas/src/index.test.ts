import { describe, expect, it } from 'vitest';
import { schemasVersion } from './index.js';

describe('schemasVersion', () => {
  it('is a semantic version', () => {
    expect(schemasVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
