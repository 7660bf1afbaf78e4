// Options of renderDocumentPdf and their limits (Nghị định 30/2020, Phụ lục I, Phần I: A4, margins top/bottom
// 20–25 mm, left 30–35 mm, right 15–20 mm; body text size 13–14; line spacing single to 1.5 lines).
import { makeIssue } from '@egov-vn/schemas';
import { DocumentPdfError, type DocumentPdfIssue, type DocumentPdfOptionCode, type Lang } from './errors.js';

/** The four faces of a Times-compatible serif covering Vietnamese (TrueType/OpenType bytes). */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
}

export interface Margins {
  /** Millimetres, 20–25. */
  readonly top?: number;
  /** Millimetres, 20–25. */
  readonly bottom?: number;
  /** Millimetres, 30–35. */
  readonly left?: number;
  /** Millimetres, 15–20. */
  readonly right?: number;
}

export interface RenderOptions {
  /** Font bytes. Required in browsers; `@egov-vn/document-pdf/node` fills in the bundled Liberation Serif. */
  readonly fonts?: FontSet;
  /** Body text size: 13 or 14 (default 14). */
  readonly fontSize?: 13 | 14;
  readonly margins?: Margins;
  /** Line spacing in lines, from 1 (single) to 1.5 (default 1). */
  readonly lineSpacing?: number;
  /** Space after each paragraph in points, at least 6 (default 6). */
  readonly paragraphSpacing?: number;
  /** First-line indent in cm: 1 or 1.27 (default 1.27). */
  readonly firstLineIndentCm?: 1 | 1.27;
  /** Language of generated labels and of error messages (default 'vi'). */
  readonly lang?: Lang;
  /** Write PDF/A-2b (embedded fonts, XMP metadata, sRGB output intent). Default false (plain PDF 1.7). */
  readonly pdfa?: boolean;
  /** Height of the area reserved for the signature image and seal, in mm (default 30). */
  readonly signatureAreaHeightMm?: number;
  /** Creation date written to the metadata (default: now). Set it for reproducible output. */
  readonly creationDate?: Date;
  /**
   * Leave the places of issue blank for the clerk (văn thư) to fill when the document is issued: a number blank wide
   * enough for four digits (when `document.number` is absent) and the date after the place name ("Hà Nội, ……").
   * Their rectangles come back in `issueFields`; `signPdf({ issue })` of `@egov-vn/pdf-signature` writes the number
   * and the date there with the agency's seal signature. Default false (the date of the document is printed).
   */
  readonly issueBlanks?: boolean;
}

export interface ResolvedOptions {
  readonly fonts: FontSet;
  readonly fontSize: number;
  readonly margins: Required<Margins>;
  readonly lineSpacing: number;
  readonly paragraphSpacing: number;
  readonly firstLineIndent: number;
  readonly lang: Lang;
  readonly pdfa: boolean;
  readonly signatureAreaHeight: number;
  readonly creationDate: Date;
  readonly issueBlanks: boolean;
}

export const MM = 72 / 25.4;

export const MARGIN_LIMITS = {
  top: [20, 25],
  bottom: [20, 25],
  left: [30, 35],
  right: [15, 20],
} as const satisfies Record<keyof Margins, readonly [number, number]>;

const DEFAULT_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;

const SIDE_NAMES: Record<keyof Margins, { vi: string; en: string }> = {
  top: { vi: 'Lề trên', en: 'Top margin' },
  bottom: { vi: 'Lề dưới', en: 'Bottom margin' },
  left: { vi: 'Lề trái', en: 'Left margin' },
  right: { vi: 'Lề phải', en: 'Right margin' },
};

function issue(code: DocumentPdfOptionCode, path: (string | number)[], vi: string, en: string, lang: Lang): DocumentPdfIssue {
  return makeIssue(code, { vi, en }, { path, lang });
}

function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array && v.byteLength > 0;
}

/** Checks the options against Phụ lục I and fills defaults. Throws `DocumentPdfError` listing every problem. */
export function resolveOptions(options: RenderOptions = {}): ResolvedOptions {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const issues: DocumentPdfIssue[] = [];
  const langIn: unknown = options.lang;
  if (langIn !== undefined && langIn !== 'vi' && langIn !== 'en') {
    issues.push(issue('options.lang', ['lang'], `Ngôn ngữ ${JSON.stringify(langIn)} không được hỗ trợ: dùng "vi" hoặc "en".`, `Language ${JSON.stringify(langIn)} is not supported: use "vi" or "en".`, lang));
  }
  const fontSize: number = options.fontSize ?? 14;
  if (fontSize !== 13 && fontSize !== 14) {
    issues.push(issue('options.fontSize', ['fontSize'], `Cỡ chữ nội dung phải là 13 hoặc 14 (Phụ lục I), không phải ${String(fontSize)}.`, `The body font size must be 13 or 14 (Phụ lục I), not ${String(fontSize)}.`, lang));
  }
  const margins = { ...DEFAULT_MARGINS };
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const value = options.margins?.[side];
    if (value === undefined) continue;
    const [min, max] = MARGIN_LIMITS[side];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      const name = SIDE_NAMES[side];
      issues.push(issue(`options.margin`, ['margins', side], `${name.vi} phải từ ${min} đến ${max} mm (Phụ lục I), không phải ${String(value)} mm.`, `${name.en} must be ${min}–${max} mm (Phụ lục I), not ${String(value)} mm.`, lang));
    } else {
      margins[side] = value as never;
    }
  }
  const lineSpacing = options.lineSpacing ?? 1;
  if (typeof lineSpacing !== 'number' || !(lineSpacing >= 1 && lineSpacing <= 1.5)) {
    issues.push(issue('options.lineSpacing', ['lineSpacing'], `Khoảng cách dòng phải từ 1 (dòng đơn) đến 1,5 dòng, không phải ${String(lineSpacing)}.`, `Line spacing must be from 1 (single) to 1.5 lines, not ${String(lineSpacing)}.`, lang));
  }
  const paragraphSpacing = options.paragraphSpacing ?? 6;
  if (typeof paragraphSpacing !== 'number' || !(paragraphSpacing >= 6 && paragraphSpacing <= 36)) {
    issues.push(issue('options.paragraphSpacing', ['paragraphSpacing'], `Khoảng cách giữa các đoạn phải tối thiểu 6 pt (và không quá 36 pt), không phải ${String(paragraphSpacing)}.`, `Paragraph spacing must be at least 6 pt (and at most 36 pt), not ${String(paragraphSpacing)}.`, lang));
  }
  const indentCm: number = options.firstLineIndentCm ?? 1.27;
  if (indentCm !== 1 && indentCm !== 1.27) {
    issues.push(issue('options.firstLineIndent', ['firstLineIndentCm'], `Lùi đầu dòng phải là 1 cm hoặc 1,27 cm, không phải ${String(indentCm)} cm.`, `The first-line indent must be 1 cm or 1.27 cm, not ${String(indentCm)} cm.`, lang));
  }
  const sigHeight = options.signatureAreaHeightMm ?? 30;
  if (typeof sigHeight !== 'number' || !(sigHeight >= 15 && sigHeight <= 60)) {
    issues.push(issue('options.signatureAreaHeight', ['signatureAreaHeightMm'], `Vùng chữ ký phải cao từ 15 đến 60 mm, không phải ${String(sigHeight)} mm.`, `The signature area must be 15–60 mm high, not ${String(sigHeight)} mm.`, lang));
  }
  const fonts = options.fonts;
  if (!fonts || !isBytes(fonts.regular) || !isBytes(fonts.bold) || !isBytes(fonts.italic) || !isBytes(fonts.boldItalic)) {
    issues.push(issue('options.fonts', ['fonts'], 'Thiếu phông chữ: truyền { regular, bold, italic, boldItalic } (byte của tệp TTF), hoặc dùng @egov-vn/document-pdf/node để nạp phông Liberation Serif đi kèm.', 'Fonts are missing: pass { regular, bold, italic, boldItalic } (TTF bytes), or use @egov-vn/document-pdf/node to load the bundled Liberation Serif.', lang));
  }
  const creationDate = options.creationDate ?? new Date();
  if (!(creationDate instanceof Date) || Number.isNaN(creationDate.getTime())) {
    issues.push(issue('options.creationDate', ['creationDate'], 'Ngày tạo không hợp lệ.', 'The creation date is not a valid date.', lang));
  }
  if (issues.length > 0) throw new DocumentPdfError(issues);
  return {
    fonts: fonts!,
    fontSize,
    margins,
    lineSpacing,
    paragraphSpacing,
    firstLineIndent: (indentCm * 10) * MM,
    lang,
    pdfa: options.pdfa === true,
    signatureAreaHeight: sigHeight * MM,
    creationDate,
    issueBlanks: options.issueBlanks === true,
  };
}
