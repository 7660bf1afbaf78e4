import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definedTags, elementPackages } from './elements.js';

const cdnDir = fileURLToPath(new URL('..', import.meta.url));

describe('elementPackages', () => {
  it('finds the element packages among the dependencies and the define file of each tag', () => {
    const packages = elementPackages(cdnDir, { fromSource: true });
    expect(packages.map((p) => p.name)).toEqual(['@egov-vn/calendar-elements', '@egov-vn/office-elements', '@egov-vn/report-elements', '@egov-vn/signature-elements']);
    const panel = packages.flatMap((p) => p.elements).find((e) => e.tag === 'egov-signature-panel');
    expect(panel).toMatchObject({ packageName: '@egov-vn/signature-elements', subpath: './signature-panel' });
    expect(panel!.file).toMatch(/signature-elements[\\/]src[\\/]signature-panel[\\/]signature-panel\.ts$/);
    expect(elementPackages(cdnDir).flatMap((p) => p.elements).find((e) => e.tag === 'egov-signature-panel')!.file).toMatch(
      /signature-elements[\\/]dist[\\/]signature-panel[\\/]signature-panel\.js$/,
    );
  });

  it('reads the tags a define file registers', () => {
    expect(definedTags("EgovX.define('egov-x');\ncustomElements.define(\"egov-y-z\", Y);\nfoo.define(other)")).toEqual(['egov-x', 'egov-y-z']);
  });
});
