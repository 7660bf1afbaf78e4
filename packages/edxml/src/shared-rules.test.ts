// The checker uses the kit's shared rules (@egov-vn/schemas): the secret-document guard on SphereOfPromulgation,
// and the edXML date/timestamp forms.
import { formatEdxmlTimestamp } from '@egov-vn/schemas';
import { describe, expect, it } from 'vitest';
import { buildEdxml, checkEdxml, isEdxmlTimestamp } from './index.js';
import { sampleDocumentPackage } from './fixtures.js';

function withSphere(sphere: string): string {
  const pkg = sampleDocumentPackage('new');
  pkg.header.otherInfo = { ...pkg.header.otherInfo, sphereOfPromulgation: sphere };
  return buildEdxml(pkg);
}

describe('checkEdxml on the shared rules', () => {
  it.each(['Mật'.normalize('NFD'), 'Tối\u00a0mật', 'Tuyệt\u200bmật', 'MAT', 'Độ mật: Mật', 'Mật (A)'])('reports %j as a secret document', async (sphere) => {
    const report = await checkEdxml(new TextEncoder().encode(withSphere(sphere)));
    expect(report.issues.map((i) => i.code)).toContain('EDXML_SECRET_DOCUMENT');
  });

  it('does not report an ordinary sphere', async () => {
    const report = await checkEdxml(new TextEncoder().encode(withSphere('Toàn tỉnh')));
    expect(report.issues.map((i) => i.code)).not.toContain('EDXML_SECRET_DOCUMENT');
  });

  it('accepts the timestamps the shared formatter writes, in Việt Nam time', () => {
    expect(formatEdxmlTimestamp(new Date('2024-03-12T17:05:00Z'))).toBe('2024/03/13 00:05:00');
    expect(isEdxmlTimestamp('2024/03/13 00:05:00')).toBe(true);
    expect(isEdxmlTimestamp('13/03/2024 00:05:00')).toBe(true);
    expect(isEdxmlTimestamp('2024/02/30 00:05:00')).toBe(false);
  });
});
