import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../validate.js';
import { setLanguage } from '../i18n.js';
import { AdministrativeDocumentSchema, formatSubjectLine, isSecret, textContent } from './document.js';
import { chiThi, congVan } from './fixtures.testutil.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 1000);

describe('AdministrativeDocumentSchema', () => {
  it('accepts a chỉ thị and a công văn of real shape', () => {
    expect(validate(AdministrativeDocumentSchema, chiThi)).toMatchObject({ ok: true });
    expect(validate(AdministrativeDocumentSchema, congVan)).toMatchObject({ ok: true });
  });

  it('requires the type abbreviation at the head of a typed document’s symbol', () => {
    const result = validate(AdministrativeDocumentSchema, { ...chiThi, symbol: 'UBND-VP' });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: ['symbol'], code: 'document.symbolType', message: expect.stringContaining('phải bắt đầu bằng chữ viết tắt tên loại "CT-"') }],
    });
  });

  it('refuses a type abbreviation in a công văn’s symbol', () => {
    const result = validate(AdministrativeDocumentSchema, { ...congVan, symbol: 'CT-VPCP' });
    expect(result).toMatchObject({ ok: false, errors: [{ path: ['symbol'], code: 'document.symbolNoType' }] });
  });

  it('checks that the symbol carries the issuer’s abbreviation', () => {
    const result = validate(AdministrativeDocumentSchema, { ...chiThi, symbol: 'CT-BNV' });
    expect(result).toMatchObject({ ok: false, errors: [{ path: ['symbol'], code: 'document.symbolIssuer' }] });
  });

  it('reports every problem at once, each located, with field names users know', () => {
    const result = validate(AdministrativeDocumentSchema, {
      ...chiThi,
      subject: undefined,
      date: '2009-02-30',
      issuer: { ...chiThi.issuer, code: 'H49' },
      signer: { ...chiThi.signer, fullName: '' },
      recipients: [],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path.join('.'), e]));
    expect(Object.keys(byPath).sort()).toEqual(['date', 'issuer.code', 'recipients', 'signer.fullName', 'subject']);
    expect(byPath['date']?.message).toBe('Ngày ban hành "2009-02-30" không phải ngày hợp lệ: ghi theo dạng yyyy-mm-dd (ví dụ 2020-02-05).');
    expect(byPath['issuer.code']?.message).toContain('Mã định danh "H49"');
    expect(byPath['recipients']?.message).toBe('Nơi nhận cần ít nhất một mục: hãy thêm một mục.');
    expect(byPath['signer.fullName']?.message).toBe('Họ tên người ký không được để trống.');
    expect(byPath['signer.fullName']?.localized).toEqual({ vi: 'Họ tên người ký không được để trống.', en: "The signer's full name must not be empty." });
    expect(byPath['subject']?.message).toBe('Chỉ thị phải có trích yếu nội dung.');
  });

  it('answers in English on request, or after setLanguage("en")', () => {
    const bad = { ...chiThi, subject: undefined };
    expect(validate(AdministrativeDocumentSchema, bad, { lang: 'en' })).toMatchObject({
      ok: false,
      errors: [{ message: 'A Chỉ thị must have a subject (trích yếu).' }],
    });
    setLanguage('en');
    try {
      expect(validate(AdministrativeDocumentSchema, { ...bad, place: '' })).toMatchObject({
        ok: false,
        errors: [{ path: ['place'], message: 'The place of issue must not be empty.' }, { path: ['subject'] }],
      });
    } finally {
      setLanguage('vi');
    }
  });

  it('takes tables whose rows have a cell a column, and says which row is short', () => {
    const plan = (table: Record<string, unknown>) => ({
      ...congVan,
      content: { body: [{ kind: 'paragraph', text: 'Phân công như sau:' }, { kind: 'table', ...table }] },
    });
    const header = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn'];
    const rows = [
      ['1', 'Kết nối trục liên thông văn bản quốc gia', 'Sở Thông tin và Truyền thông', 'Quý I/2027'],
      ['2', 'Ký số văn bản đi', 'Văn phòng UBND tỉnh', ''],
    ];
    expect(validate(AdministrativeDocumentSchema, plan({ title: 'Bảng phân công', header, rows, widths: [1, 6, 4, 2], align: ['center', 'left', 'left', 'center'] }))).toMatchObject({ ok: true });
    expect(validate(AdministrativeDocumentSchema, plan({ header, rows, align: ['center'] }))).toMatchObject({ ok: false, errors: [{ path: ['content', 'body', 1, 'align'], code: 'table.align', message: 'Bảng có 4 cột nhưng khai báo căn lề cho 1 cột.' }] });
    expect(validate(AdministrativeDocumentSchema, plan({ rows }))).toMatchObject({ ok: true });
    const short = validate(AdministrativeDocumentSchema, plan({ header, rows: [rows[0], ['3', 'Thiếu ô']] }));
    expect(short).toMatchObject({
      ok: false,
      errors: [
        {
          path: ['content', 'body', 1, 'rows', 1],
          code: 'table.cells',
          message: 'Dòng 2 của bảng có 2 ô, bảng có 4 cột: mỗi dòng phải đủ số ô (ô trống ghi "").',
        },
      ],
    });
    const widths = validate(AdministrativeDocumentSchema, plan({ header, rows, widths: [1, 2] }), { lang: 'en' });
    expect(widths).toMatchObject({ ok: false, errors: [{ path: ['content', 'body', 1, 'widths'], code: 'table.widths', message: 'The table has 4 columns but 2 column widths.' }] });
    expect(validate(AdministrativeDocumentSchema, plan({ rows: [] }))).toMatchObject({ ok: false, errors: [{ path: ['content', 'body', 1, 'rows'], message: 'Các dòng của bảng cần ít nhất một mục: hãy thêm một mục.' }] });
    expect(validate(AdministrativeDocumentSchema, plan({ rows: [Array.from({ length: 13 }, () => 'x')] })).ok).toBe(false);
  });

  it('accepts the types that have no subject line without one', () => {
    const giayGioiThieu = { ...chiThi, type: 'giayGioiThieu', symbol: 'GGT-UBND', subject: undefined };
    expect(validate(AdministrativeDocumentSchema, giayGioiThieu)).toMatchObject({ ok: true });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validate(AdministrativeDocumentSchema, input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: runs },
    );
  });
});

describe('document helpers', () => {
  it('writes the subject of a công văn after "V/v"', () => {
    expect(formatSubjectLine(congVan)).toBe('V/v Kết nối liên thông văn bản điện tử');
    expect(formatSubjectLine(chiThi)).toBe(chiThi.subject);
  });

  it('flags any secrecy level', () => {
    expect(isSecret(chiThi)).toBe(false);
    expect(isSecret({ secrecy: 'mat' })).toBe(true);
  });

  it('splits plain text into paragraphs', () => {
    expect(textContent('Một.\n\n  Hai.\n\n\n')).toEqual({ body: [{ kind: 'paragraph', text: 'Một.' }, { kind: 'paragraph', text: 'Hai.' }] });
  });
});
