// Legacy Vietnamese encodings → Unicode (TCVN 6909:2001, NFC), and back.
//
// Byte encodings (TCVN3 = TCVN 5712:1993, VISCII, Windows-1258) are decoded by table; the tables are generated from
// iconv-lite's data (see scripts/generate-legacy-tables.mjs) and checked against glibc iconv in the tests.
// VNI-Windows and TCVN3 are *font* encodings: legacy documents often reach us as text already decoded as
// Windows-1252 (what a word processor shows with the wrong font), so they also accept a string.
// VIQR (RFC 1456) is ASCII with postfix marks.
import { EgovError } from '../errors.js';
import { ruleIssue } from '../rules.js';
import type { Lang } from '../i18n.js';
import { cp1258Table, tcvn3Table, visciiTable } from './legacy-tables.generated.js';
import { fromLetter, type Letter, parseSyllable, TONE_MARKS, toLetter, VOWEL_MODIFIERS } from './syllable.js';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr' | 'viscii' | 'cp1258';
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni', 'viqr', 'viscii', 'cp1258'];

export interface ToUnicodeOptions {
  /**
   * TCVN3 only: the text was set in an upper-case font (.VnTimeH and the like). TCVN3 has no code points for
   * capital letters with tone marks; such fonts draw the lower-case code points as capitals, so the decoded text
   * must be upper-cased. Default false.
   */
  uppercaseFont?: boolean;
  lang?: Lang;
}

// ---------------------------------------------------------------------------------------------------------------
// Single-byte tables

function toCodeUnits(table: string): Uint16Array {
  const units = new Uint16Array(256);
  for (let i = 0; i < 256; i++) units[i] = table.charCodeAt(i);
  return units;
}
const TABLES = {
  tcvn3: toCodeUnits(tcvn3Table),
  viscii: toCodeUnits(visciiTable),
  cp1258: toCodeUnits(cp1258Table),
} as const;

const utf16 = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const CHUNK = 1 << 16;
const chunkUnits = new Uint16Array(CHUNK);
function decodeTable(bytes: Uint8Array, table: Uint16Array): string {
  // Through the table into one reused buffer of UTF-16 code units, a chunk at a time, then the platform's native
  // UTF-16 decoder (no allocation proportional to the input besides the result).
  let out = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const n = end - start;
    for (let i = 0; i < n; i++) chunkUnits[i] = table[bytes[start + i]!]!;
    const units = chunkUnits.subarray(0, n);
    out += LITTLE_ENDIAN ? utf16.decode(units) : fromCodeUnits(units);
  }
  return out;
}
/** Big-endian platforms: the UTF-16LE decoder would swap bytes, so build the string from the units. */
function fromCodeUnits(units: Uint16Array): string {
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode(...units.subarray(i, i + 8192));
  return s;
}

function reverseTable(table: Uint16Array): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 255; i >= 0; i--) map.set(String.fromCharCode(table[i]!), i);
  return map;
}
const REVERSE = {
  tcvn3: reverseTable(TABLES.tcvn3),
  viscii: reverseTable(TABLES.viscii),
  cp1258: reverseTable(TABLES.cp1258),
};

// Windows-1252: the 0x80–0x9F block differs from Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_REVERSE = new Map<string, number>();
for (let i = 0; i < 256; i++) {
  const ch = i >= 0x80 && i < 0xa0 ? CP1252_HIGH[i - 0x80]! : String.fromCharCode(i);
  CP1252_REVERSE.set(ch, i);
}
function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}
function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += cp1252Char(b);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// VNI-Windows: a base letter followed by a mark glyph, or a single glyph (ơ ư đ and the i / ỵ forms).

const T = TONE_MARKS;
const M = VOWEL_MODIFIERS;
// [lower-case glyph, upper-case glyph] → the marks it adds to the preceding base vowel.
const VNI_MARK_GLYPHS: [string, string, string, string][] = [
  // glyph, GLYPH, modifier, tone
  ['ø', 'Ø', '', T.grave],
  ['ù', 'Ù', '', T.acute],
  ['û', 'Û', '', T.hook],
  ['õ', 'Õ', '', T.tilde],
  ['ï', 'Ï', '', T.dot],
  ['â', 'Â', M.circumflex, ''],
  ['à', 'À', M.circumflex, T.grave],
  ['á', 'Á', M.circumflex, T.acute],
  ['å', 'Å', M.circumflex, T.hook],
  ['ã', 'Ã', M.circumflex, T.tilde],
  ['ä', 'Ä', M.circumflex, T.dot],
  ['ê', 'Ê', M.breve, ''],
  ['è', 'È', M.breve, T.grave],
  ['é', 'É', M.breve, T.acute],
  ['ú', 'Ú', M.breve, T.hook],
  ['ü', 'Ü', M.breve, T.tilde],
  ['ë', 'Ë', M.breve, T.dot],
];
// Single glyphs that stand for a whole letter.
const VNI_SINGLE: [string, string, Letter][] = [
  ['ô', 'Ô', { base: 'o', upper: false, modifier: M.horn, tone: '' }],
  ['ö', 'Ö', { base: 'u', upper: false, modifier: M.horn, tone: '' }],
  ['ñ', 'Ñ', { base: 'đ', upper: false, modifier: '', tone: '' }],
  ['ì', 'Ì', { base: 'i', upper: false, modifier: '', tone: T.grave }],
  ['í', 'Í', { base: 'i', upper: false, modifier: '', tone: T.acute }],
  ['æ', 'Æ', { base: 'i', upper: false, modifier: '', tone: T.hook }],
  ['ó', 'Ó', { base: 'i', upper: false, modifier: '', tone: T.tilde }],
  ['ò', 'Ò', { base: 'i', upper: false, modifier: '', tone: T.dot }],
  ['î', 'Î', { base: 'y', upper: false, modifier: '', tone: T.dot }],
];
const VNI_MARK = new Map<string, { modifier: string; tone: string }>();
for (const [lower, upper, modifier, tone] of VNI_MARK_GLYPHS) {
  VNI_MARK.set(lower, { modifier, tone });
  VNI_MARK.set(upper, { modifier, tone });
}
const VNI_SINGLE_MAP = new Map<string, Letter>();
for (const [lower, upper, letter] of VNI_SINGLE) {
  VNI_SINGLE_MAP.set(lower, letter);
  VNI_SINGLE_MAP.set(upper, { ...letter, upper: true });
}
const VNI_BASES = new Set(['a', 'e', 'o', 'u', 'y']);
function vniAccepts(base: Letter, mark: { modifier: string; tone: string }): boolean {
  if (base.tone !== '') return false;
  if (mark.modifier === '') return base.base !== 'i' || base.modifier === '';
  if (base.modifier !== '') return false;
  if (mark.modifier === M.circumflex) return base.base === 'a' || base.base === 'e' || base.base === 'o';
  return base.base === 'a'; // breve
}

function decodeVniText(text: string): string {
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    let letter: Letter | undefined;
    if (VNI_BASES.has(lower)) letter = { base: lower, upper: ch !== lower, modifier: '', tone: '' };
    else if (VNI_SINGLE_MAP.has(ch)) letter = { ...VNI_SINGLE_MAP.get(ch)! };
    if (!letter) {
      out += ch;
      continue;
    }
    const next = chars[i + 1];
    const mark = next === undefined ? undefined : VNI_MARK.get(next);
    if (mark && letter.base !== 'đ' && vniAccepts(letter, mark)) {
      letter = { ...letter, modifier: letter.modifier || mark.modifier, tone: mark.tone };
      i++;
    }
    out += fromLetter(letter);
  }
  return out;
}

function encodeVniText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const l = toLetter(ch);
    if (!l || (l.modifier === '' && l.tone === '' && l.base !== 'đ')) {
      out += ch;
      continue;
    }
    const pick = (lower: string, upper: string) => (l.upper ? upper : lower);
    const single = VNI_SINGLE.find(([, , s]) => s.base === l.base && s.modifier === l.modifier && s.tone === l.tone);
    if (single) {
      out += pick(single[0], single[1]);
      continue;
    }
    if (l.modifier === M.horn) {
      const horn = VNI_SINGLE.find(([, , s]) => s.base === l.base && s.modifier === M.horn)!;
      const toneGlyph = VNI_MARK_GLYPHS.find(([, , m, t]) => m === '' && t === l.tone)!;
      out += pick(horn[0], horn[1]) + pick(toneGlyph[0], toneGlyph[1]);
      continue;
    }
    const base = l.upper ? l.base.toUpperCase() : l.base;
    const glyph = VNI_MARK_GLYPHS.find(([, , m, t]) => m === l.modifier && t === l.tone);
    out += glyph ? base + pick(glyph[0], glyph[1]) : ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// VIQR (RFC 1456): a( a^ e^ o^ o+ u+, tones ' ` ? ~ ., dd / DD for đ, backslash escapes a mark character.

const VIQR_MODIFIER: Record<string, string> = { '(': M.breve, '^': M.circumflex, '+': M.horn };
const VIQR_TONE: Record<string, string> = { "'": T.acute, '`': T.grave, '?': T.hook, '~': T.tilde, '.': T.dot };
const VIQR_MODIFIER_CHAR = Object.fromEntries(Object.entries(VIQR_MODIFIER).map(([k, v]) => [v, k])) as Record<
  string,
  string
>;
const VIQR_TONE_CHAR = Object.fromEntries(Object.entries(VIQR_TONE).map(([k, v]) => [v, k])) as Record<string, string>;
const VIQR_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function viqrModifierFits(base: string, modifier: string): boolean {
  if (modifier === M.breve) return base === 'a';
  if (modifier === M.circumflex) return base === 'a' || base === 'e' || base === 'o';
  return base === 'o' || base === 'u';
}

function decodeViqr(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      out += text.charAt(i + 1);
      i++;
      continue;
    }
    const lower = ch.toLowerCase();
    const next = text[i + 1];
    // RFC 1456: "dd" is đ; "DD" and "Dd" are Đ.
    if ((ch === 'd' && next === 'd') || (ch === 'D' && (next === 'D' || next === 'd'))) {
      out += ch === 'D' ? 'Đ' : 'đ';
      i++;
      continue;
    }
    if (!VIQR_VOWELS.has(lower)) {
      out += ch;
      continue;
    }
    const letter: Letter = { base: lower, upper: ch !== lower, modifier: '', tone: '' };
    const modifier = VIQR_MODIFIER[text[i + 1] ?? ''];
    if (modifier && viqrModifierFits(lower, modifier)) {
      letter.modifier = modifier;
      i++;
    }
    const tone = VIQR_TONE[text[i + 1] ?? ''];
    if (tone) {
      letter.tone = tone;
      i++;
    }
    out += fromLetter(letter);
  }
  return out;
}

function encodeViqr(text: string): string {
  let out = '';
  let lastAbsorbs = false; // the last emitted letter could take a following mark character
  const chars = Array.from(text.normalize('NFC'));
  chars.forEach((ch, i) => {
    const absorbs = lastAbsorbs;
    lastAbsorbs = false;
    if (ch === '\\') {
      out += '\\\\';
      return;
    }
    if (ch in VIQR_MODIFIER || ch in VIQR_TONE) {
      out += absorbs ? `\\${ch}` : ch;
      return;
    }
    const l = toLetter(ch);
    if (l?.base === 'đ') {
      out += l.upper ? 'DD' : 'dd';
      return;
    }
    if (ch === 'd' || ch === 'D') {
      // A plain d before another d (or đ) would be read as part of "dd": escape it.
      const next = chars[i + 1];
      out += next !== undefined && 'dDđĐ'.includes(next) ? `\\${ch}` : ch;
      return;
    }
    if (!l || !VIQR_VOWELS.has(l.base)) {
      out += ch;
      return;
    }
    out += (l.upper ? l.base.toUpperCase() : l.base) + (VIQR_MODIFIER_CHAR[l.modifier] ?? '') + (VIQR_TONE_CHAR[l.tone] ?? '');
    lastAbsorbs = l.tone === '';
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

function invalidInput(encoding: string, expected: string, lang?: Lang): EgovError {
  return new EgovError([ruleIssue('legacy.inputType', { encoding, expected }, ['input'], lang)]);
}

function stringToCp1252Bytes(text: string): { bytes: Uint8Array; passthrough: Map<number, string> } {
  const chars = Array.from(text);
  const bytes = new Uint8Array(chars.length);
  const passthrough = new Map<number, string>();
  chars.forEach((ch, i) => {
    const b = CP1252_REVERSE.get(ch);
    if (b === undefined) passthrough.set(i, ch);
    else bytes[i] = b;
  });
  return { bytes, passthrough };
}

/**
 * Converts legacy Vietnamese text to Unicode NFC (TCVN 6909:2001).
 * - `'tcvn3' | 'viscii' | 'cp1258'`: `Uint8Array` of the file's bytes (`'tcvn3'` also takes text already decoded as
 *   Windows-1252);
 * - `'vni'`: `Uint8Array`, or text already decoded as Windows-1252 (what a word processor shows);
 * - `'viqr'`: a string (or ASCII bytes).
 * Throws `EgovError` (code `legacy.inputType` / `legacy.encoding`) for an input of the wrong kind.
 */
export function toUnicode(input: Uint8Array | string, encoding: LegacyEncoding, options: ToUnicodeOptions = {}): string {
  const { lang } = options;
  let text: string;
  switch (encoding) {
    case 'cp1258':
    case 'viscii': {
      if (!(input instanceof Uint8Array)) throw invalidInput(encoding, 'Uint8Array', lang);
      text = decodeTable(input, TABLES[encoding]);
      break;
    }
    case 'tcvn3': {
      if (input instanceof Uint8Array) text = decodeTable(input, TABLES.tcvn3);
      else if (typeof input === 'string') {
        const { bytes, passthrough } = stringToCp1252Bytes(input);
        const decoded = Array.from(decodeTable(bytes, TABLES.tcvn3));
        for (const [i, ch] of passthrough) decoded[i] = ch;
        text = decoded.join('');
      } else throw invalidInput(encoding, 'Uint8Array | string', lang);
      if (options.uppercaseFont) text = text.toLocaleUpperCase('vi');
      break;
    }
    case 'vni': {
      if (input instanceof Uint8Array) text = decodeVniText(decodeCp1252(input));
      else if (typeof input === 'string') text = decodeVniText(input);
      else throw invalidInput(encoding, 'Uint8Array | string', lang);
      break;
    }
    case 'viqr': {
      if (input instanceof Uint8Array) text = decodeViqr(decodeCp1252(input));
      else if (typeof input === 'string') text = decodeViqr(input);
      else throw invalidInput(encoding, 'string', lang);
      break;
    }
    default:
      throw new EgovError([ruleIssue('legacy.encoding', { encoding: String(encoding) }, ['encoding'], lang)]);
  }
  return text.normalize('NFC');
}

/**
 * Encodes Unicode text in a legacy encoding, for systems that still need it. Byte encodings return `Uint8Array`;
 * VNI returns Windows-1252 bytes too (use `toUnicode`'s string form to read them back); VIQR returns a string.
 * Characters the encoding cannot hold become `?`.
 */
export function fromUnicode(text: string, encoding: 'viqr', options?: { lang?: Lang }): string;
export function fromUnicode(text: string, encoding: Exclude<LegacyEncoding, 'viqr'>, options?: { lang?: Lang }): Uint8Array;
export function fromUnicode(text: string, encoding: LegacyEncoding, options: { lang?: Lang } = {}): Uint8Array | string {
  const nfc = text.normalize('NFC');
  switch (encoding) {
    case 'viqr':
      return encodeViqr(nfc);
    case 'vni': {
      const glyphs = Array.from(encodeVniText(nfc));
      return Uint8Array.from(glyphs, (ch) => CP1252_REVERSE.get(ch) ?? 0x3f);
    }
    case 'tcvn3':
    case 'viscii':
      return encodeTable(nfc, REVERSE[encoding]);
    case 'cp1258': {
      // Windows-1258 holds few precomposed toned letters: write base letter (+ modifier) then the tone mark.
      const out: number[] = [];
      for (const ch of nfc) {
        const direct = REVERSE.cp1258.get(ch);
        if (direct !== undefined) {
          out.push(direct);
          continue;
        }
        const l = toLetter(ch);
        if (l && l.tone !== '') {
          const base = REVERSE.cp1258.get(fromLetter({ ...l, tone: '' }));
          const tone = REVERSE.cp1258.get(l.tone);
          if (base !== undefined && tone !== undefined) {
            out.push(base, tone);
            continue;
          }
        }
        out.push(0x3f);
      }
      return Uint8Array.from(out);
    }
    default:
      throw new EgovError([ruleIssue('legacy.encoding', { encoding: String(encoding) }, ['encoding'], options.lang)]);
  }
}

function encodeTable(text: string, reverse: Map<string, number>): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const direct = reverse.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // Some tables hold a base letter and separate combining tone marks (TCVN 5712 VN1 does).
    const l = toLetter(ch);
    const base = l ? reverse.get(fromLetter({ ...l, tone: '' })) : undefined;
    const tone = l ? reverse.get(l.tone) : undefined;
    if (base !== undefined && tone !== undefined) out.push(base, tone);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

export interface EncodingGuess {
  encoding: LegacyEncoding | 'utf-8' | 'ascii';
  /** 0–1: the share of words that read as well-formed Vietnamese syllables, weighted by how many carry marks. */
  confidence: number;
}

const WORDS = /[\p{L}\p{M}]+/gu;

/** Scores how Vietnamese a decoded text looks: well-formed syllables with marks, and no stray glyphs. */
export function vietnameseScore(text: string): number {
  let marked = 0;
  let good = 0;
  let bad = 0;
  for (const [word] of text.normalize('NFC').matchAll(WORDS)) {
    let nonAscii = false;
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) nonAscii = true;
    if (!nonAscii) continue;
    marked++;
    const letters: Letter[] = [];
    let ok = true;
    for (const ch of word) {
      const l = toLetter(ch);
      if (!l) {
        ok = false;
        break;
      }
      letters.push(l);
    }
    const tones = letters.filter((l) => l.tone !== '').length;
    if (ok && tones <= 1 && parseSyllable(letters)) good++;
    else bad++;
  }
  if (marked === 0) return 0;
  return good / (good + bad);
}

/**
 * Guesses the encoding of legacy Vietnamese input, with a confidence score, best first.
 * Bytes that are valid UTF-8 with Vietnamese letters are reported as `'utf-8'`; pure ASCII without VIQR marks as
 * `'ascii'`.
 */
export function detectLegacyEncoding(input: Uint8Array | string): EncodingGuess[] {
  const guesses: EncodingGuess[] = [];
  if (typeof input === 'string') {
    guesses.push({ encoding: 'vni', confidence: vietnameseScore(decodeVniText(input)) });
    guesses.push({ encoding: 'tcvn3', confidence: vietnameseScore(toUnicode(input, 'tcvn3')) });
    guesses.push({ encoding: 'viqr', confidence: viqrScore(input) });
    const direct = vietnameseScore(input);
    if (direct > 0) guesses.push({ encoding: 'utf-8', confidence: direct });
  } else {
    let ascii = true;
    for (const b of input) if (b > 0x7f) ascii = false;
    if (!ascii) {
      try {
        const utf8 = new TextDecoder('utf-8', { fatal: true }).decode(input);
        guesses.push({ encoding: 'utf-8', confidence: Math.min(1, vietnameseScore(utf8) + 0.05) });
      } catch {
        // not UTF-8
      }
      for (const encoding of ['tcvn3', 'viscii', 'cp1258', 'vni'] as const) {
        guesses.push({ encoding, confidence: vietnameseScore(toUnicode(input, encoding)) });
      }
    } else {
      const text = decodeCp1252(input);
      const viqr = viqrScore(text);
      guesses.push(viqr > 0 ? { encoding: 'viqr', confidence: viqr } : { encoding: 'ascii', confidence: 1 });
    }
  }
  return guesses.sort((a, b) => b.confidence - a.confidence);
}

function viqrScore(text: string): number {
  if (!/[a-zA-Z][(^+]?['`?~.]|[aeoAEO][(^+]|dd/.test(text)) return 0;
  const decoded = decodeViqr(text);
  const changed = decoded !== text;
  return changed ? vietnameseScore(decoded) * 0.95 : 0;
}
