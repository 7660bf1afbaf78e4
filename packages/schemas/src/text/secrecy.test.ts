import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldClassification, isSecretClassification, secrecyLevelOf } from './secrecy.js';

const SPACES = [' ', '\u00a0', '\u2009', '\u202f', '\u3000', '\t', '  '];
const INVISIBLE = ['', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/** A spelling of a word: any case per letter, NFC or NFD, with or without diacritics, invisible characters inside. */
const spelling = (word: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
      fc.boolean(),
      fc.array(fc.constantFrom(...INVISIBLE), { minLength: word.length, maxLength: word.length }),
    )
    .map(([upper, form, strip, inv]) => {
      let w = strip ? word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') : word;
      w = Array.from(w).map((ch, i) => (upper[i] ? ch.toLocaleUpperCase('vi') : ch.toLocaleLowerCase('vi')) + (inv[i] ?? '')).join('');
      return w.normalize(form);
    });

const phrase = (words: string[]) =>
  fc.tuple(...words.map(spelling), fc.array(fc.constantFrom(...SPACES), { minLength: words.length, maxLength: words.length })).map((parts) => {
    const spaces = parts.pop() as string[];
    return (parts as string[]).map((w, i) => (i === 0 ? w : spaces[i]! + w)).join('');
  });

describe('isSecretClassification', () => {
  it('catches the spellings found bypassing the guard (issue 22)', () => {
    for (const text of ['Mật', 'Mật'.normalize('NFD'), 'Tối\u00a0mật', 'Tối\u200bmật', 'Tối  mật', 'Độ mật: Mật', 'Mật (A)', 'Mat', 'MAT', 'TUYỆT MẬT']) {
      expect(isSecretClassification(text)).toBe(true);
    }
  });

  it('names the level', () => {
    expect(secrecyLevelOf('Tuyệt mật')).toBe('tuyetMat');
    expect(secrecyLevelOf('tối\u00a0MẬT')).toBe('toiMat');
    expect(secrecyLevelOf('Mức độ mật: Mật')).toBe('mat');
    expect(secrecyLevelOf('Confidential')).toBe('mat');
  });

  it('leaves ordinary documents alone', () => {
    for (const text of ['', '  ', 'Thường', 'Không', 'Không mật', 'Độ mật: Thường', 'Khẩn', 'Matxcơva', null, undefined]) {
      expect(isSecretClassification(text)).toBe(false);
    }
    // A guard errs on the safe side: any other text with the word "mật" counts as secret.
    expect(isSecretClassification('Mật độ dân số')).toBe(true);
  });

  it('decides every generated variant of the three levels as secret, at the right level', () => {
    const levels = [
      [['Mật'], 'mat'],
      [['Tối', 'mật'], 'toiMat'],
      [['Tuyệt', 'mật'], 'tuyetMat'],
    ] as const;
    for (const [words, level] of levels) {
      fc.assert(
        fc.property(phrase([...words]), fc.constantFrom('', 'Độ mật: ', 'độ  MẬT\u00a0'), fc.constantFrom('', ' (A)', '.', ' '), (p, pre, post) => {
          expect(secrecyLevelOf(pre + p + post)).toBe(level);
        }),
      );
    }
  });

  it('folds NFC/NFD, spaces and invisible characters to one form', () => {
    expect(foldClassification('Tối\u200b\u00a0\u00a0MẬT'.normalize('NFD'))).toBe('toi mat');
  });
});
