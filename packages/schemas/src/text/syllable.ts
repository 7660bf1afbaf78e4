// Vietnamese syllable structure, used to place tone marks and to recognise Vietnamese text.
// A written syllable is: initial consonant (optional) + vowel nucleus (1–3 vowels) + final consonant (optional),
// with at most one tone mark, placed on one vowel of the nucleus.

/** The five tone marks as Unicode combining characters (the level tone has no mark). */
export const TONE_MARKS = {
  grave: '\u0300', // huyền
  acute: '\u0301', // sắc
  hook: '\u0309', // hỏi
  tilde: '\u0303', // ngã
  dot: '\u0323', // nặng
} as const;

/** The three vowel modifiers as combining characters: circumflex (â ê ô), breve (ă), horn (ơ ư). */
export const VOWEL_MODIFIERS = { circumflex: '\u0302', breve: '\u0306', horn: '\u031B' } as const;

const TONE_SET = new Set<string>(Object.values(TONE_MARKS));
const MODIFIER_SET = new Set<string>(Object.values(VOWEL_MODIFIERS));

/** A letter split into its base (a–z, đ) and marks. */
export interface Letter {
  base: string;
  upper: boolean;
  modifier: string; // '' or one of VOWEL_MODIFIERS
  tone: string; // '' or one of TONE_MARKS
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const INITIALS = new Set([
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu',
  'r', 's', 't', 'th', 'tr', 'v', 'x',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Splits one NFD-decomposable character into a Letter, or undefined when it is not a Latin letter we handle. */
export function toLetter(ch: string): Letter | undefined {
  const nfd = ch.normalize('NFD');
  const first = nfd[0]!;
  let base = first.toLowerCase();
  const upper = first !== base;
  if (ch === 'đ' || ch === 'Đ') return { base: 'đ', upper: ch === 'Đ', modifier: '', tone: '' };
  if (!/^[a-z]$/.test(base)) return undefined;
  let modifier = '';
  let tone = '';
  for (const mark of nfd.slice(1)) {
    if (TONE_SET.has(mark) && tone === '') tone = mark;
    else if (MODIFIER_SET.has(mark) && modifier === '') modifier = mark;
    else return undefined;
  }
  base = base.normalize('NFC');
  return { base, upper, modifier, tone };
}

/** Joins a Letter back into one NFC character. */
export function fromLetter(letter: Letter): string {
  const base = letter.upper ? letter.base.toUpperCase() : letter.base;
  return (base + letter.modifier + letter.tone).normalize('NFC');
}

function isVowel(l: Letter): boolean {
  return VOWELS.has(l.base);
}

/** The parts of a syllable, as indexes into its letters. */
export interface SyllableParts {
  initialEnd: number; // nucleus starts here
  finalStart: number; // final consonant starts here
}

/**
 * Parses a word (as Letters) into initial + nucleus + final. Returns undefined when the word is not a well-formed
 * Vietnamese syllable (foreign words, abbreviations, numbers), so callers leave it untouched.
 */
export function parseSyllable(letters: readonly Letter[]): SyllableParts | undefined {
  if (letters.length === 0 || letters.length > 7) return undefined;
  let i = 0;
  while (i < letters.length && !isVowel(letters[i]!)) i++;
  let initial = letters.slice(0, i).map((l) => l.base).join('');
  // "qu" and "gi": the u / i belong to the initial when another vowel follows.
  if (initial === 'q' && letters[i]?.base === 'u' && letters[i]!.modifier === '' && i + 1 < letters.length) {
    initial = 'qu';
    i++;
  } else if (
    initial === 'g' &&
    letters[i]?.base === 'i' &&
    i + 1 < letters.length &&
    isVowel(letters[i + 1]!) &&
    letters[i]!.modifier === ''
  ) {
    initial = 'gi';
    i++;
  }
  if (!INITIALS.has(initial)) return undefined;
  let j = i;
  while (j < letters.length && isVowel(letters[j]!)) j++;
  const nucleusLength = j - i;
  if (nucleusLength < 1 || nucleusLength > 3) {
    // "gi" alone before a final ("gìn", "gì"): the i is the nucleus.
    if (nucleusLength === 0 && initial === 'gi') return { initialEnd: i - 1, finalStart: j };
    return undefined;
  }
  const final = letters.slice(j).map((l) => l.base).join('');
  if (!FINALS.has(final)) return undefined;
  return { initialEnd: i, finalStart: j };
}

/** How to place the tone on the open diphthongs oa, oe, uy: "hòa" (traditional) or "hoà" (modern). */
export type ToneStyle = 'traditional' | 'modern';

/**
 * The index (into `letters`) of the vowel that carries the tone.
 * Rules: a vowel with a modifier (ă â ê ô ơ ư) takes it (the second one, ơ, in ươ); with a final consonant the
 * last vowel of the nucleus takes it; in open syllables a three-vowel nucleus puts it on the middle vowel, and a
 * two-vowel nucleus on the first — except oa, oe, uy, where the modern style puts it on the second.
 */
export function tonePosition(letters: readonly Letter[], parts: SyllableParts, style: ToneStyle): number {
  const { initialEnd: start, finalStart: end } = parts;
  const nucleus = letters.slice(start, end);
  const modified: number[] = [];
  nucleus.forEach((l, k) => {
    if (l.modifier !== '') modified.push(start + k);
  });
  if (modified.length > 0) return modified[modified.length - 1]!;
  if (end < letters.length) return end - 1;
  if (nucleus.length === 3) return start + 1;
  if (nucleus.length === 2) {
    const pair = nucleus.map((l) => l.base).join('');
    if (style === 'modern' && (pair === 'oa' || pair === 'oe' || pair === 'uy')) return start + 1;
    return start;
  }
  return start;
}
