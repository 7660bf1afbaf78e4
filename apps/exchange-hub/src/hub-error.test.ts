import { ErrorBodySchema } from '@egov-vn/exchange-api';
import { EgovError, formatEdxmlTimestamp, isEgovError } from '@egov-vn/schemas';
import { describe, expect, it } from 'vitest';
import { HubError } from './hub-error.js';
import { axisTimestampReadings } from './vxp-auth.js';

describe('HubError: the kit error base, the contract wire shape', () => {
  it('is an EgovError with the code, both languages and the located issues of its details', () => {
    const e = new HubError('INVALID_EDXML', {
      issues: [{ code: 'EDXML_ORGAN_ID', path: '/edXML/From/OrganId', line: 3, column: 7, message: { vi: 'Mã sai.', en: 'Bad code.' } }],
    }, { vi: 'Gói tin edXML không hợp lệ: Mã sai.', en: 'The edXML package is not valid: Bad code.' });
    expect(e).toBeInstanceOf(EgovError);
    expect(isEgovError(e)).toBe(true);
    expect(e.code).toBe('INVALID_EDXML');
    expect(e.status).toBe(422);
    expect(e.text('vi')).toBe('Gói tin edXML không hợp lệ: Mã sai.');
    expect(e.issues).toEqual([
      expect.objectContaining({ code: 'EDXML_ORGAN_ID', path: ['/edXML/From/OrganId'], params: { line: 3, column: 7 }, localized: { vi: 'Mã sai.', en: 'Bad code.' } }),
    ]);
    // The answer keeps the contract's shape { code, message: { vi, en }, details }.
    expect(ErrorBodySchema.parse(e.body)).toEqual(e.body);
    expect(e.body).toEqual({
      code: 'INVALID_EDXML',
      message: { vi: 'Gói tin edXML không hợp lệ: Mã sai.', en: 'The edXML package is not valid: Bad code.' },
      details: { issues: [{ code: 'EDXML_ORGAN_ID', path: '/edXML/From/OrganId', line: 3, column: 7, message: { vi: 'Mã sai.', en: 'Bad code.' } }] },
    });
  });

  it('without issues is one issue, itself, with the catalogue message', () => {
    const e = new HubError('NOT_FOUND');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.code).toBe('NOT_FOUND');
    expect(e.localized).toEqual(e.body.message);
    expect(e.body).not.toHaveProperty('details');
  });
});

describe('Việt Nam time from @egov-vn/schemas', () => {
  it('reads an axis timestamp as Việt Nam time or UTC, 7 h apart, as the edXML timestamp writes it', () => {
    const [vn, utc] = axisTimestampReadings('02122026T103000+0000');
    expect(vn).toBeDefined();
    expect(formatEdxmlTimestamp(vn ?? 0)).toBe('2026/12/02 10:30:00');
    expect((utc ?? 0) - (vn ?? 0)).toBe(7 * 3_600_000);
  });
});
