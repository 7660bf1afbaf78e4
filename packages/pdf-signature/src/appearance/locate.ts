/**
 * Finds where a line of text (e.g. the signer's name) is drawn, to place the signature image between the
 * position line and the name line. The text comes from the content-stream interpreter of `pdf/content.ts` (simple
 * and Type0 fonts with ToUnicode, glyph widths from the font's /Widths or /W for the line's extent).
 */
import { pdfError } from '../errors.js';
import { readPage } from '../pdf/content.js';
import { PdfFile } from '../pdf/file.js';
import type { Rect } from '../sign/sign-pdf.js';

export interface TextLine {
  /** 0-based page index. */
  readonly page: number;
  readonly text: string;
  /** Start of the line and its baseline, in default user space. */
  readonly x: number;
  readonly y: number;
  /** Approximate right end of the line. */
  readonly right: number;
  readonly fontSize: number;
}

/** Text lines of one page, in drawing order (the shows on one baseline joined). */
export async function pageTextLines(file: PdfFile, pageIndex: number): Promise<TextLine[]> {
  const pages = await file.pages();
  const pageRef = pages[pageIndex];
  if (!pageRef) throw pdfError('LOCATE_PAGE', `Không có trang số ${pageIndex + 1}`, `There is no page ${pageIndex + 1}`);
  const { texts } = await readPage(file, pageRef);
  const lines: TextLine[] = [];
  for (const s of texts) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - s.y) < Math.max(1, s.size * 0.3)) {
      lines[lines.length - 1] = { ...last, text: last.text + s.text, right: Math.max(last.right, s.x + s.advance), x: Math.min(last.x, s.x) };
    } else lines.push({ page: pageIndex, text: s.text, x: s.x, y: s.y, right: s.x + s.advance, fontSize: s.size });
  }
  return lines;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** The first line (on any page, or on `page`) whose text contains `text` (case- and space-insensitive, NFC). */
export async function findTextLine(pdf: Uint8Array, text: string, options: { page?: number } = {}): Promise<TextLine | undefined> {
  const file = await PdfFile.open(pdf);
  const count = (await file.pages()).length;
  const want = fold(text);
  for (let i = options.page ?? 0; i < (options.page === undefined ? count : options.page + 1); i++) {
    const hit = (await pageTextLines(file, i)).find((l) => fold(l.text).includes(want));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The box for the signer's image: above the name line (between the position line and the name, Nghị định 30
 * box 7c), centred on the name, `height` points tall (default 60 ≈ 21 mm) and at least `width` wide (default 140).
 */
export async function locateSignerBox(
  pdf: Uint8Array,
  signerName: string,
  options: { height?: number; width?: number; page?: number } = {},
): Promise<{ page: number; rect: Rect }> {
  const line = await findTextLine(pdf, signerName, options);
  if (!line) {
    throw pdfError('LOCATE_NOT_FOUND', `Không tìm thấy dòng "${signerName}" trong tài liệu`, `The line "${signerName}" was not found in the document`);
  }
  const height = options.height ?? 60;
  const width = Math.max(options.width ?? 140, line.right - line.x);
  const cx = (line.x + line.right) / 2;
  const bottom = line.y + line.fontSize * 1.1;
  return { page: line.page, rect: [cx - width / 2, bottom, cx + width / 2, bottom + height] };
}

