import { describe, expect, it } from 'vitest';
import { isOfficialEmail, normalizeOfficialEmail, parseOfficialEmail } from './email.js';

describe('official e-mail addresses', () => {
  it('accepts and normalises …@<unit>.gov.vn', () => {
    expect(parseOfficialEmail('vanthu@gialai.gov.vn')).toBe('vanthu@gialai.gov.vn');
    expect(parseOfficialEmail(' mailto:VanThu.UBND@STTTT.GiaLai.GOV.VN. ')).toBe('vanthu.ubnd@stttt.gialai.gov.vn');
    expect(isOfficialEmail('ttdt@xn--hni-7ra.gov.vn')).toBe(true);
  });

  it('refuses other domains and malformed addresses, naming the rule', () => {
    expect(normalizeOfficialEmail('someone@gmail.com')).toMatchObject({ ok: false, errors: [{ code: 'email.notGov' }] });
    expect(normalizeOfficialEmail('a@gov.vn')).toMatchObject({ ok: false, errors: [{ code: 'email.notGov' }] });
    expect(normalizeOfficialEmail('văn.thư@gialai.gov.vn')).toMatchObject({ ok: false, errors: [{ code: 'email.local' }] });
    expect(normalizeOfficialEmail('a@hà-nội.gov.vn')).toMatchObject({ ok: false, errors: [{ code: 'email.domain' }] });
    expect(normalizeOfficialEmail('a..b@gialai.gov.vn')).toMatchObject({ ok: false, errors: [{ code: 'email.local' }] });
    expect(normalizeOfficialEmail('no-at-sign')).toMatchObject({ ok: false, errors: [{ code: 'email.format', message: expect.stringContaining('không phải địa chỉ thư điện tử') }] });
    expect(() => parseOfficialEmail('x@y.com', { lang: 'en' })).toThrow(/is not an official address/);
  });
});
