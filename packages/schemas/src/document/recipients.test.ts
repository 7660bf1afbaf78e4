import { describe, expect, it } from 'vitest';
import { formatKinhGui, formatRecipients } from './recipients.js';

describe('formatRecipients', () => {
  it('writes the list of Bộ Nội vụ Chỉ thị 02/CT-BNV', () => {
    expect(
      formatRecipients(
        [
          { name: 'Bộ trưởng', note: 'để b/c' },
          'Các Thứ trưởng',
          'Các đơn vị thuộc và trực thuộc Bộ',
          'Văn phòng Đảng ủy Bộ',
          'Văn phòng Công đoàn Bộ',
          'Văn phòng Đoàn TN Bộ',
          'Trang TTĐT Bộ',
        ],
        { archive: { draftingUnit: 'TTĐT', copies: 3 } },
      ),
    ).toEqual([
      'Nơi nhận:',
      '- Bộ trưởng (để b/c);',
      '- Các Thứ trưởng;',
      '- Các đơn vị thuộc và trực thuộc Bộ;',
      '- Văn phòng Đảng ủy Bộ;',
      '- Văn phòng Công đoàn Bộ;',
      '- Văn phòng Đoàn TN Bộ;',
      '- Trang TTĐT Bộ;',
      '- Lưu: VT, TTĐT (3).',
    ]);
  });

  it('starts with "Như trên" on request and always ends with the Lưu line', () => {
    expect(formatRecipients(['Sở Tư pháp'], { asAbove: true })).toEqual(['Nơi nhận:', '- Như trên;', '- Sở Tư pháp;', '- Lưu: VT.']);
  });

  it('names the empty recipient', () => {
    expect(() => formatRecipients(['Sở Tư pháp', ' '])).toThrow(/Nơi nhận thứ 2 để trống/);
    expect(() => formatRecipients(['A'], { archive: { copies: -1 }, lang: 'en' })).toThrow(/The "Lưu" line is not valid/);
  });
});

describe('formatKinhGui', () => {
  it('puts one addressee on the line and lists several', () => {
    expect(formatKinhGui(['Sở Nội vụ'])).toEqual(['Kính gửi: Sở Nội vụ.']);
    expect(formatKinhGui(['Sở Nội vụ', 'Sở Tài chính'])).toEqual(['Kính gửi:', '- Sở Nội vụ;', '- Sở Tài chính.']);
  });
});
