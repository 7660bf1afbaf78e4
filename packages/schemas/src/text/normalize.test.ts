import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, normalizeVietnamese } from './normalize.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 1000);

describe('normalizeVietnamese', () => {
  it('composes decomposed marks to NFC (TCVN 6909:2001)', () => {
    const decomposed = 'Ủy ban nhân dân tỉnh Gia Lai'.normalize('NFD');
    expect(decomposed).not.toBe('Ủy ban nhân dân tỉnh Gia Lai');
    expect(normalizeVietnamese(decomposed)).toBe('Ủy ban nhân dân tỉnh Gia Lai');
  });

  it('places tones on oa, oe, uy the way Nghị định 30 writes them (traditional style by default)', () => {
    expect(normalizeVietnamese('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(normalizeVietnamese('Hoả tốc')).toBe('Hỏa tốc');
    expect(normalizeVietnamese('Bản thoả thuận')).toBe('Bản thỏa thuận');
    expect(normalizeVietnamese('Giấy uỷ quyền')).toBe('Giấy ủy quyền');
    expect(normalizeVietnamese('sức khoẻ, thuỷ lợi, Hoà Bình')).toBe('sức khỏe, thủy lợi, Hòa Bình');
  });

  it('writes the modern style on request', () => {
    expect(normalizeVietnamese('Hòa Bình, thủy lợi, khỏe', { toneStyle: 'modern' })).toBe('Hoà Bình, thuỷ lợi, khoẻ');
  });

  it('leaves syllables whose tone position does not depend on style', () => {
    for (const word of ['hoàn', 'toán', 'quý', 'quả', 'giá', 'gì', 'người', 'được', 'muốn', 'khuya', 'ngoài', 'xoáy', 'thuyết', 'rượu', 'của']) {
      expect(normalizeVietnamese(word)).toBe(word);
      expect(normalizeVietnamese(word, { toneStyle: 'modern' })).toBe(word);
    }
  });

  it('moves a misplaced tone to the vowel that carries it', () => {
    expect(normalizeVietnamese('ngừơi')).toBe('người');
    expect(normalizeVietnamese('hoàn'.normalize('NFD'))).toBe('hoàn');
    expect(normalizeVietnamese('tòan')).toBe('toàn');
    expect(normalizeVietnamese('múôn')).toBe('muốn');
  });

  it('leaves foreign words, abbreviations and numbers alone', () => {
    const text = 'Café UBND-VP 12/2020/NĐ-CP naïve résumé';
    expect(normalizeVietnamese(text)).toBe(text.normalize('NFC'));
  });

  it('is idempotent and style conversions commute', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâeêioôơuưyAĂÂEÊIOÔƠƯYhnqgtđ '.split(''), '\u0300', '\u0301', '\u0303', '\u0309', '\u0323') }), (s) => {
        const once = normalizeVietnamese(s);
        expect(normalizeVietnamese(once)).toBe(once);
        expect(once).toBe(once.normalize('NFC'));
        const modern = normalizeVietnamese(once, { toneStyle: 'modern' });
        expect(normalizeVietnamese(modern)).toBe(once);
      }),
      { numRuns: runs },
    );
  });
});

describe('foldForSearch', () => {
  it('removes marks, lower-cases and maps đ to d', () => {
    expect(foldForSearch('Ủy ban Nhân dân tỉnh ĐẮK LẮK')).toBe('uy ban nhan dan tinh dak lak');
    expect(foldForSearch('Văn bản điện tử')).toBe('van ban dien tu');
  });

  it('gives the same key for NFC, NFD and either tone style', () => {
    expect(foldForSearch('hoà'.normalize('NFD'))).toBe(foldForSearch('hòa'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: runs },
    );
  });
});
