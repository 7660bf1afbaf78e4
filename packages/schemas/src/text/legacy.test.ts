import { execFileSync, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { thrown } from '../thrown.testutil.js';
import { detectLegacyEncoding, fromUnicode, LEGACY_ENCODINGS, toUnicode } from './legacy.js';
import { SAMPLE_SENTENCE, VIETNAMESE_LETTERS } from './letters.testutil.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 1000);
const GLIBC = { tcvn3: 'TCVN5712-1', viscii: 'VISCII', cp1258: 'CP1258' } as const;

function iconv(bytes: Uint8Array, from: string, to: string): Buffer {
  return execFileSync('iconv', ['-f', from, '-t', to], { input: bytes });
}
// Node's TextDecoder treats 'windows-1252' as Latin-1, so decode as glibc does.
const cp1252 = { decode: (bytes: Uint8Array) => iconv(bytes, 'CP1252', 'UTF-8').toString('utf8') };
// TCVN3 as legacy fonts used it (VN3): capitals with tones do not exist there, so the text shown is lower case.
const LOWER_SENTENCE = SAMPLE_SENTENCE.toLocaleLowerCase('vi');

describe('byte tables agree with glibc iconv (an independent implementation)', () => {
  for (const [encoding, glibc] of Object.entries(GLIBC) as [keyof typeof GLIBC, string][]) {
    it(`${encoding}: every byte decodes as ${glibc} does`, () => {
      // One iconv run over every byte but LF, each on its own line; `-c` drops what glibc refuses, leaving that line
      // empty (a byte glibc accepts never decodes to nothing). One process instead of 256 keeps this fast under load.
      const all = Array.from({ length: 256 }, (_, b) => b).filter((b) => b !== 0x0a);
      const probe = spawnSync('iconv', ['-c', '-f', glibc, '-t', 'UTF-8'], { input: Uint8Array.from(all.flatMap((b) => [b, 0x0a])) });
      const accepted = probe.stdout.toString('utf8').split('\n');
      const tested = all.filter((_, i) => accepted[i] !== '');
      const bytes = tested.flatMap((b) => [b, 0x0a]);
      const theirs = iconv(Uint8Array.from(bytes), glibc, 'UTF-8').toString('utf8').normalize('NFC').split('\n');
      const ours = toUnicode(Uint8Array.from(bytes), encoding).split('\n');
      expect(tested.length).toBeGreaterThan(200);
      for (let i = 0; i < tested.length; i++) expect([tested[i], ours[i]]).toEqual([tested[i], theirs[i]]);
    });

    it(`${encoding}: a Vietnamese text encoded by glibc decodes back`, () => {
      const bytes = iconv(new TextEncoder().encode(SAMPLE_SENTENCE), 'UTF-8', glibc);
      expect(toUnicode(new Uint8Array(bytes), encoding)).toBe(SAMPLE_SENTENCE);
    });
  }
});

describe('round trips: toUnicode ∘ fromUnicode', () => {
  for (const encoding of LEGACY_ENCODINGS) {
    it(`${encoding}: every Vietnamese letter with every tone`, () => {
      expect(VIETNAMESE_LETTERS).toHaveLength(146);
      for (const letter of VIETNAMESE_LETTERS) {
        const encoded = encoding === 'viqr' ? fromUnicode(letter, 'viqr') : fromUnicode(letter, encoding);
        expect(toUnicode(encoded, encoding)).toBe(letter);
      }
    });

    it(`${encoding}: any text of Vietnamese letters, digits and punctuation`, () => {
      const unit = fc.constantFrom(...VIETNAMESE_LETTERS, ...'bcdghklmnpqrstvx0123456789 .,;:?!\'"()-/\\^+~`'.split(''));
      fc.assert(
        fc.property(fc.string({ unit }), (text) => {
          const encoded = encoding === 'viqr' ? fromUnicode(text, 'viqr') : fromUnicode(text, encoding);
          expect(toUnicode(encoded, encoding)).toBe(text.normalize('NFC'));
        }),
        { numRuns: runs },
      );
    });
  }

  it('TCVN3 and VNI also read text that was decoded as Windows-1252', () => {
    expect(toUnicode(cp1252.decode(fromUnicode(SAMPLE_SENTENCE, 'vni')), 'vni')).toBe(SAMPLE_SENTENCE);
    expect(toUnicode(cp1252.decode(fromUnicode(LOWER_SENTENCE, 'tcvn3')), 'tcvn3')).toBe(LOWER_SENTENCE);
  });
});

describe('agreement with vietnamese-conversion (a second implementation of VNI and TCVN3)', () => {
  // vietnamese-conversion 2.0 maps ỷ ỹ Ỷ Ỹ to single glyphs that already stand for other letters (ỹ and ì both
  // become "ì"; ỷ becomes "ë", the dot-below glyph of ặ), so its table cannot be read back; VNI writes them like
  // the other y forms (yû, yõ), which is what we do.
  const THEIR_COLLISIONS = ['ỷ', 'ỹ', 'Ỷ', 'Ỹ'];

  it('VNI: their four y forms collide with other letters (why we differ there)', () => {
    expect(toVNI('ỹ', 'unicode')).toBe(toVNI('ì', 'unicode'));
    expect(toVNI('Ỹ', 'unicode')).toBe(toVNI('Ì', 'unicode'));
    expect(toVNI('ặ', 'unicode').endsWith(toVNI('ỷ', 'unicode'))).toBe(true);
    expect(toVNI('Ặ', 'unicode').endsWith(toVNI('Ỷ', 'unicode'))).toBe(true);
  });

  it('VNI: every other letter encodes to the same glyph sequence and back', () => {
    const letters = VIETNAMESE_LETTERS.filter((l) => !THEIR_COLLISIONS.includes(l));
    // Our bytes of every letter, one per line, read as CP1252 by glibc in one run (VNI never uses the LF byte).
    const ours = cp1252.decode(Uint8Array.from(letters.flatMap((l) => [...fromUnicode(l, 'vni'), 0x0a]))).split('\n');
    letters.forEach((letter, i) => {
      const theirs = toVNI(letter, 'unicode');
      expect([letter, ours[i]]).toEqual([letter, theirs]);
      expect(toUnicode(theirs, 'vni')).toBe(letter);
    });
  });

  it('TCVN3: lower-case letters and the untoned capitals read the same', () => {
    const letters = VIETNAMESE_LETTERS.filter((l) => l === l.toLowerCase() || 'ĂÂÊÔƠƯĐ'.includes(l));
    for (const letter of letters) {
      const theirs = toTCVN3(letter, 'unicode');
      expect([letter, toUnicode(theirs, 'tcvn3')]).toEqual([letter, letter]);
    }
  });

  it('TCVN3 text set in an upper-case font reads as capitals', () => {
    const shown = toTCVN3('cộng hòa', 'unicode');
    expect(toUnicode(shown, 'tcvn3', { uppercaseFont: true })).toBe('CỘNG HÒA');
  });
});

describe('VIQR (RFC 1456)', () => {
  it('reads postfix marks, dd and escapes', () => {
    expect(toUnicode("Vie^.t Nam, dda^'t nu+o+'c", 'viqr')).toBe('Việt Nam, đất nước');
    expect(toUnicode('DDo^.c la^.p - Tu+. do - Ha.nh phu\'c', 'viqr')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(toUnicode('Ba.n co\' kho\'e kho^ng\\?', 'viqr')).toBe('Bạn có khóe không?');
  });

  it('escapes literal marks after a vowel when writing', () => {
    expect(fromUnicode('Đi.', 'viqr')).toBe('DDi\\.');
    expect(toUnicode(fromUnicode('Đi.', 'viqr'), 'viqr')).toBe('Đi.');
  });
});

describe('detectLegacyEncoding', () => {
  for (const encoding of ['tcvn3', 'viscii', 'cp1258', 'vni'] as const) {
    it(`recognises ${encoding} bytes`, () => {
      const [best] = detectLegacyEncoding(fromUnicode(SAMPLE_SENTENCE, encoding));
      expect(best?.encoding).toBe(encoding);
      expect(best?.confidence).toBeGreaterThan(0.9);
    });
  }

  it('recognises UTF-8, VIQR and plain ASCII', () => {
    expect(detectLegacyEncoding(new TextEncoder().encode(SAMPLE_SENTENCE))[0]?.encoding).toBe('utf-8');
    expect(detectLegacyEncoding(new TextEncoder().encode(fromUnicode(SAMPLE_SENTENCE, 'viqr')))[0]?.encoding).toBe('viqr');
    expect(detectLegacyEncoding(new TextEncoder().encode('Hello world'))[0]).toEqual({ encoding: 'ascii', confidence: 1 });
  });

  it('recognises VNI and TCVN3 text shown as Windows-1252', () => {
    expect(detectLegacyEncoding(cp1252.decode(fromUnicode(SAMPLE_SENTENCE, 'vni')))[0]?.encoding).toBe('vni');
    expect(detectLegacyEncoding(cp1252.decode(fromUnicode(LOWER_SENTENCE, 'tcvn3')))[0]?.encoding).toBe('tcvn3');
  });
});

describe('bad input', () => {
  it('names the encoding and the expected input, in Vietnamese by default', () => {
    const error = thrown(() => toUnicode('text', 'viscii'));
    expect(error.issues[0]).toMatchObject({ code: 'legacy.inputType', path: ['input'] });
    expect(error.message).toContain('Bảng mã viscii cần đầu vào kiểu Uint8Array');
  });

  it('answers in English on request', () => {
    expect(() => toUnicode(new Uint8Array(), 'klingon' as never, { lang: 'en' })).toThrow(/Encoding "klingon" is not supported/);
  });
});

describe('VIQR d and đ next to each other', () => {
  it.each(['dĐ', 'Dđ', 'dd', 'DD', 'dđ', 'đd', 'Dd', 'ddd'])('round-trips %j', (text) => {
    expect(toUnicode(fromUnicode(text, 'viqr'), 'viqr')).toBe(text);
  });
});
