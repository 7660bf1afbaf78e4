import { describe, expect, it } from 'vitest';
import { DocumentPdfError } from './errors.js';
import { MM, resolveOptions } from './options.js';

const fonts = { regular: new Uint8Array(1), bold: new Uint8Array(1), italic: new Uint8Array(1), boldItalic: new Uint8Array(1) };

function issuesOf(fn: () => unknown): { code: string; path: readonly (string | number)[]; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentPdfError);
    return [...(e as DocumentPdfError).issues];
  }
  throw new Error('expected DocumentPdfError');
}

describe('resolveOptions', () => {
  it('fills the defaults of Phụ lục I', () => {
    const o = resolveOptions({ fonts });
    expect(o.fontSize).toBe(14);
    expect(o.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(o.firstLineIndent).toBeCloseTo(12.7 * MM);
    expect(o.paragraphSpacing).toBe(6);
    expect(o.lang).toBe('vi');
  });

  it('accepts every margin at both ends of its range', () => {
    expect(resolveOptions({ fonts, margins: { top: 25, bottom: 25, left: 35, right: 20 } }).margins).toEqual({ top: 25, bottom: 25, left: 35, right: 20 });
  });

  it('rejects margins outside the range with one located Vietnamese message each', () => {
    const issues = issuesOf(() => resolveOptions({ fonts, margins: { top: 19, left: 36, right: 10, bottom: 30 } }));
    expect(issues.map((i) => i.path.join('.'))).toEqual(['margins.top', 'margins.bottom', 'margins.left', 'margins.right']);
    expect(issues[2]!.message).toBe('Lề trái phải từ 30 đến 35 mm (Phụ lục I), không phải 36 mm.');
  });

  it('speaks English on request', () => {
    const issues = issuesOf(() => resolveOptions({ fonts, lang: 'en', fontSize: 12 as 13 }));
    expect(issues[0]!.message).toBe('The body font size must be 13 or 14 (Phụ lục I), not 12.');
  });

  it('rejects missing fonts, bad spacing and indents together', () => {
    const issues = issuesOf(() => resolveOptions({ lineSpacing: 2, paragraphSpacing: 4, firstLineIndentCm: 2 as 1 }));
    expect(issues.map((i) => i.code).sort()).toEqual(['options.firstLineIndent', 'options.fonts', 'options.lineSpacing', 'options.paragraphSpacing']);
    expect(issues.find((i) => i.code === 'options.fonts')!.message).toContain('@egov-vn/document-pdf/node');
  });

  it('rejects an unknown language without crashing on odd values', () => {
    const issues = issuesOf(() => resolveOptions({ fonts, lang: { x: 1 } as unknown as 'vi' }));
    expect(issues[0]!.code).toBe('options.lang');
  });
});
