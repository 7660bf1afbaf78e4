// The secret-document guard (độ mật, Điều 8 Nghị định 30/2020; Luật Bảo vệ bí mật nhà nước): secret documents are
// never exchanged over the axis. A free-text classification field is decided on its folded form, so no spelling
// slips through: NFC or NFD, any Unicode space or zero-width character, doubled spaces, any case, with or without
// diacritics ("Mật", "MAT", "Mat", "Độ mật: Mật", "Mật (A)", "Tối  mật"). One function for schemas, the client and
// the hub.
import type { SecrecyLevel } from '../document/document.js';
import { foldForSearch } from './normalize.js';

/** Zero-width and invisible formatting characters that split a word without showing (combining ones, such as
 * variation selectors, are marks and go with the diacritics). */
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/gu;

/**
 * The classification text folded for a decision: NFC, invisible characters removed, every run of Unicode white
 * space (and punctuation) turned into one space, lower case, diacritics removed (`đ` → `d`).
 */
export function foldClassification(text: string): string {
  return foldForSearch(text.normalize('NFC').replace(INVISIBLE, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded texts that say "not secret" although they contain the word. */
const NOT_SECRET = new Set(['khong', 'khong mat', 'thuong', 'binh thuong', 'none', 'normal', 'public']);
/** A field label written before the value ("Độ mật: Mật", "Mức độ mật: Tối mật", "Security level: Secret"). */
const LABEL = /^(?:muc )?do mat(?: |$)|^security level(?: |$)|^classification(?: |$)/;

/**
 * The secrecy level a classification text names, or undefined when it names none. Decided on the folded text
 * (see {@link foldClassification}): "tuyet mat" → `tuyetMat`, "toi mat" → `toiMat`, any other word "mat" (and the
 * English "confidential", "secret", "top secret") → the level it names. "Không mật" is not secret.
 */
export function secrecyLevelOf(text: string | null | undefined): SecrecyLevel | undefined {
  if (text === null || text === undefined) return undefined;
  const folded = foldClassification(text).replace(LABEL, '');
  if (folded === '' || NOT_SECRET.has(folded)) return undefined;
  const words = ` ${folded} `;
  // Written together ("Tốimật", or with a zero-width space between the words) still names the level.
  const compact = folded.replace(/ /g, '');
  if (words.includes(' tuyet mat ') || compact.includes('tuyetmat') || words.includes(' top secret ')) return 'tuyetMat';
  if (words.includes(' toi mat ') || compact.includes('toimat') || words.includes(' secret ')) return 'toiMat';
  if (words.includes(' mat ') || words.includes(' confidential ')) return 'mat';
  return undefined;
}

/** True when a classification text (a SecurityLevel field, a form value) marks the document secret. */
export function isSecretClassification(text: string | null | undefined): boolean {
  return secrecyLevelOf(text) !== undefined;
}
