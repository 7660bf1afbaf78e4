import { describe, expect, it } from 'vitest';
import { documentFromForm, isBlockedSecret, nextNumber, pdfFileName, symbolFor, validateForm, vietnamToday, type ComposeForm, type PortalAgency } from './compose-model.js';

const agency: PortalAgency = { code: '000.00.02.H49', name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', place: 'Quảng Ninh', parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH' };
const directory = [{ code: '000.00.03.H49', name: 'Sở Tài chính tỉnh Quảng Ninh' }];
const form: ComposeForm = {
  type: 'congVan',
  subject: 'Triển khai văn bản điện tử',
  content: 'Đoạn một.\n\nĐoạn hai.',
  recipients: ['000.00.03.H49'],
  signerFullName: 'Trần Thị Lan',
  signerPosition: 'Giám đốc',
  secrecy: '',
  urgency: 'khan',
  dueDate: '',
};

describe('compose model', () => {
  it('builds a valid document of the Nghị định 30 model from a complete form', () => {
    const doc = documentFromForm(form, { agency, directory, number: 5, date: '2026-11-23' });
    expect(doc).toMatchObject({
      type: 'congVan',
      number: 5,
      symbol: 'SNV-VP',
      issuer: { code: '000.00.02.H49', abbreviation: 'SNV', parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH' },
      recipients: [{ name: 'Sở Tài chính tỉnh Quảng Ninh', agencyCode: '000.00.03.H49' }],
      urgency: 'khan',
      content: { body: [{ kind: 'paragraph', text: 'Đoạn một.' }, { kind: 'paragraph', text: 'Đoạn hai.' }] },
    });
    expect(validateForm(doc, 'vi')).toEqual([]);
  });

  it('puts the model’s Vietnamese (or English) messages under the fields', () => {
    const doc = documentFromForm({ ...form, subject: ' ', recipients: [], signerFullName: '' }, { agency, directory, date: '2026-11-23' });
    const vi = validateForm(doc, 'vi');
    expect(vi.map((e) => e.field).sort()).toEqual(['recipients', 'signerFullName', 'subject']);
    expect(vi.find((e) => e.field === 'subject')?.message).toMatch(/trích yếu/i);
    const en = validateForm(doc, 'en');
    expect(en.find((e) => e.field === 'subject')?.message).not.toBe(vi.find((e) => e.field === 'subject')?.message);
  });

  it('takes symbols from the type (Phụ lục III) and numbers from the register, per series and year', () => {
    expect(symbolFor('thongBao', agency)).toBe('TB-SNV');
    expect(symbolFor('congVan', agency)).toBe('SNV-VP');
    expect(symbolFor('congVan', { ...agency, abbreviation: 'VPUBND', draftingUnit: 'TH' })).toBe('VPUBND-TH');
    const first = nextNumber({}, agency, form, '2026-11-23');
    const second = nextNumber(first.state, agency, form, '2026-11-24');
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(nextNumber(second.state, agency, { secrecy: 'mat' }, '2026-11-24').number).toBe(1);
    expect(nextNumber(second.state, agency, form, '2027-01-01').number).toBe(1);
  });

  it('blocks every secrecy level from sending', () => {
    expect(isBlockedSecret({ secrecy: '' })).toBe(false);
    for (const secrecy of ['mat', 'toiMat', 'tuyetMat'] as const) expect(isBlockedSecret({ secrecy })).toBe(true);
  });

  it('names files in ASCII and gives the Vietnam date', () => {
    expect(pdfFileName(5, 'QĐ-UBND')).toBe('05-QD-UBND.pdf');
    expect(pdfFileName(undefined, 'SNV-VP')).toBe('du-thao-SNV-VP.pdf');
    expect(vietnamToday(new Date('2026-11-23T18:30:00Z'))).toBe('2026-11-24');
  });
});
