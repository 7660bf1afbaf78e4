import { describe, expect, it } from 'vitest';
import { validate } from '../validate.js';
import { IncomingRecordSchema, OutgoingRecordSchema, workFileCode, WorkFileSchema } from './registration.js';

const outgoing = {
  OrganId: '000.00.00.G22',
  TypeName: 'Công văn',
  CodeNumber: '7816',
  CodeNotation: 'VPCP-TTĐT',
  IssuedDate: '2015-09-30',
  OrganName: 'Văn phòng Chính phủ',
  Subject: 'Kết nối liên thông văn bản điện tử',
  SignerInfo: { Position: 'Phó Chủ nhiệm', FullName: 'Nguyễn Văn A' },
  To: [{ OrganId: '000.00.00.H41', OrganName: 'Ủy ban nhân dân tỉnh Nghệ An' }],
};

describe('registration records (Phụ lục VI)', () => {
  it('accepts an outgoing record and fills the default language', () => {
    const result = validate(OutgoingRecordSchema, outgoing);
    expect(result).toMatchObject({ ok: true, value: { Language: 'Tiếng Việt' } });
  });

  it('uses the Phụ lục VI lengths as limits', () => {
    const result = validate(OutgoingRecordSchema, { ...outgoing, CodeNotation: 'X'.repeat(31), CodeNumber: '123456789012' });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { path: ['CodeNumber'], code: 'too_big', message: 'Số văn bản dài quá 11 ký tự cho phép: hãy rút gọn.' },
        { path: ['CodeNotation'], code: 'too_big', message: 'Ký hiệu văn bản dài quá 30 ký tự cho phép: hãy rút gọn.' },
      ],
    });
  });

  it('requires arrival number and date on incoming records', () => {
    expect(validate(IncomingRecordSchema, outgoing)).toMatchObject({
      ok: false,
      errors: [{ path: ['ArrivalNumber'] }, { path: ['ArrivalDate'] }],
    });
    expect(validate(IncomingRecordSchema, { ...outgoing, ArrivalNumber: 125, ArrivalDate: '2015-10-01', DueDate: '2015-10-15' })).toMatchObject({ ok: true });
  });

  it('builds the work-file code from agency, year and notation', () => {
    const file = {
      OrganId: '000.00.00.H49',
      FileCatalog: 2026,
      FileNotation: 'VP-01',
      Title: 'Hồ sơ kết nối liên thông văn bản',
      Maintenance: 'vĩnh viễn' as const,
      Creator: 'Nguyễn Thị B',
      StartDate: '2026-01-05',
      Documents: [],
    };
    expect(validate(WorkFileSchema, file)).toMatchObject({ ok: true });
    expect(workFileCode(file)).toBe('000.00.00.H49.2026.VP-01');
  });
});
