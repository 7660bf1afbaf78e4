import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officeElementsVersion } from './index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('officeElementsVersion', () => {
  it('is the version of package.json', () => {
    expect(officeElementsVersion()).toBe(manifest.version);
  });
});
