import { describe, expect, it } from 'vitest';
import { EgovError } from '../errors.js';
import { thrown } from '../thrown.testutil.js';
import { formatSignerBlock } from './signer.js';

describe('formatSignerBlock', () => {
  it('writes KT. as in Bộ Nội vụ Chỉ thị 02/CT-BNV', () => {
    expect(formatSignerBlock({ authority: 'KT', onBehalfOf: 'Bộ trưởng', position: 'Thứ trưởng', fullName: 'Văn Tất Thu' })).toEqual([
      'KT. BỘ TRƯỞNG',
      'THỨ TRƯỞNG',
      'Văn Tất Thu',
    ]);
  });

  it('writes TM., TL., TUQ., Q. and a signer in their own right', () => {
    expect(formatSignerBlock({ authority: 'TM', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch', fullName: 'Lê Kim Anh' })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Lê Kim Anh',
    ]);
    expect(formatSignerBlock({ authority: 'TL', onBehalfOf: 'Bộ trưởng', position: 'Vụ trưởng Vụ Pháp chế', fullName: 'Trần Văn B' })[0]).toBe('TL. BỘ TRƯỞNG');
    expect(formatSignerBlock({ authority: 'TUQ', onBehalfOf: 'Giám đốc', position: 'Chánh Văn phòng', fullName: 'Ngô Thị C' })[1]).toBe('CHÁNH VĂN PHÒNG');
    expect(formatSignerBlock({ authority: 'Q', position: 'Giám đốc', fullName: 'Phạm D' })).toEqual(['Q. GIÁM ĐỐC', 'Phạm D']);
    expect(formatSignerBlock({ position: 'Chủ tịch', fullName: 'Nguyễn Văn Vịnh' })).toEqual(['CHỦ TỊCH', 'Nguyễn Văn Vịnh']);
  });

  it('requires the head for KT., TM., TL. and TUQ.', () => {
    const error = thrown(() => formatSignerBlock({ authority: 'KT', position: 'Phó Chủ tịch', fullName: 'Bùi Văn Hạnh' }));
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'signer.onBehalfOf', path: ['onBehalfOf'], message: expect.stringContaining('KT.') }),
    ]);
  });

  it('refuses academic titles before the name (Phụ lục I)', () => {
    expect(() => formatSignerBlock({ position: 'Giám đốc', fullName: 'TS. Nguyễn Văn A' })).toThrow(/Không ghi học hàm, học vị/);
    expect(() => formatSignerBlock({ position: 'Giám đốc', fullName: 'PGS. TS. Nguyễn Văn A' }, { lang: 'en' })).toThrow(/academic title/);
  });

  it('refuses empty and over-long fields (Phụ lục VI lengths)', () => {
    expect(() => formatSignerBlock({ position: '', fullName: 'A' })).toThrow(EgovError);
    expect(() => formatSignerBlock({ position: 'Giám đốc', fullName: 'A'.repeat(51) })).toThrow(/fullName/);
  });
});
