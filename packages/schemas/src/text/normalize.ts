import { fromLetter, type Letter, parseSyllable, type ToneStyle, tonePosition, toLetter } from './syllable.js';

export type { ToneStyle };

export interface NormalizeOptions {
  /**
   * Where the tone goes on the open diphthongs oa, oe, uy. `'traditional'` (default) writes "hòa", "khỏe", "thủy" —
   * the form Nghị định 30/2020 itself uses ("Hỏa tốc", "Bản thỏa thuận", "Giấy ủy quyền", "CỘNG HÒA").
   * `'modern'` writes "hoà", "khoẻ", "thuỷ".
   */
  toneStyle?: ToneStyle;
}

const WORD = /[\p{L}\p{M}]+/gu;

function normalizeWord(word: string, style: ToneStyle): string {
  const letters: Letter[] = [];
  for (const ch of word) {
    const letter = toLetter(ch);
    if (!letter) return word;
    letters.push(letter);
  }
  const toned = letters.filter((l) => l.tone !== '');
  if (toned.length !== 1) return word;
  const parts = parseSyllable(letters);
  if (!parts) return word;
  const target = tonePosition(letters, parts, style);
  const current = letters.findIndex((l) => l.tone !== '');
  if (target === current) return word;
  const tone = letters[current]!.tone;
  letters[current] = { ...letters[current]!, tone: '' };
  letters[target] = { ...letters[target]!, tone };
  return letters.map(fromLetter).join('');
}

/**
 * Normalises Vietnamese text to TCVN 6909:2001 as stored and exchanged by this kit: Unicode NFC (precomposed
 * letters, decomposed marks fixed), with tone marks placed by one documented rule (see `toneStyle`).
 * Words that are not Vietnamese syllables (names in other languages, abbreviations) are left as they are.
 */
export function normalizeVietnamese(text: string, options: NormalizeOptions = {}): string {
  const style = options.toneStyle ?? 'traditional';
  const nfc = text.normalize('NFC');
  return nfc.replace(WORD, (word) => {
    // ASCII-only words carry no marks: nothing to move.
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return normalizeWord(word, style);
    return word;
  });
}

const MARKS = /\p{M}/gu;

/**
 * The key for accent-insensitive search: NFC, lower case, every mark removed, đ → d.
 * `foldForSearch('Ủy ban Nhân dân')` is `'uy ban nhan dan'`. Idempotent.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}
