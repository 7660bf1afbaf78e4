// Page flow and text emission over pdf-lib: pages, a cursor, lines of justified text written as TJ arrays (one real
// space glyph between words plus a positioning adjustment, so text extraction keeps the words apart).
import {
  beginText,
  endText,
  grayscale,
  LineCapStyle,
  PDFArray,
  type PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  setFontAndSize,
  setTextMatrix,
  showText,
} from '@cantoo/pdf-lib';
import { type Box, breakLines, type FontStyle, type Line, type ParagraphStyle, type Run, toBoxes } from './layout/lines.js';

export const A4: readonly [number, number] = [595.28, 841.89];

/** Ascent and descent of Times-compatible faces, as fractions of the size (Liberation Serif hhea: 0.891 / 0.216). */
const ASCENT = 0.891;
const DESCENT = 0.216;

export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface ParagraphOptions {
  readonly size: number;
  readonly align: ParagraphStyle['align'];
  readonly firstIndent?: number;
  readonly restIndent?: number;
  /** Left edge and width of the paragraph box (default: the text frame). */
  readonly x?: number;
  readonly width?: number;
  readonly spaceAfter?: number;
  readonly lineSpacing?: number;
  /** Narrow the box as far as the line count allows, so centred headings break into lines of even length. */
  readonly balance?: boolean;
}

export interface PlacedLine {
  readonly page: number;
  readonly baseline: number;
  readonly x: number;
  readonly width: number;
}

export class Writer {
  readonly doc: PDFDocument;
  readonly fonts: Record<FontStyle, PDFFont>;
  readonly frame: Frame;
  readonly pages: PDFPage[] = [];
  /** Index of the first page of each section (the document, each appendix): pages are numbered within a section. */
  readonly sectionStarts: number[] = [];
  /** Top of the next line on the current page. */
  y = 0;
  private readonly widths = new Map<string, number>();
  /** Glyph codes (hex) of each word already written, per face: words repeat, and shaping each once is enough. */
  private readonly codes = new Map<string, string>();
  private readonly fontKeys = new Map<string, PDFName>();
  private readonly lineSpacing: number;
  /** Width and height of new pages (default A4 portrait; the register export uses A4 landscape). */
  pageSize: readonly [number, number] = A4;

  constructor(doc: PDFDocument, fonts: Record<FontStyle, PDFFont>, frame: Frame, lineSpacing: number) {
    this.doc = doc;
    this.fonts = fonts;
    this.frame = frame;
    this.lineSpacing = lineSpacing;
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1]!;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get width(): number {
    return this.frame.right - this.frame.left;
  }

  newPage(section = false): void {
    this.pages.push(this.doc.addPage([this.pageSize[0], this.pageSize[1]]));
    if (section || this.sectionStarts.length === 0) this.sectionStarts.push(this.pages.length - 1);
    this.fontKeys.clear();
    this.y = this.frame.top;
  }

  /** Space kept free at the bottom of the first page (for the contact block, box 14). */
  firstPageReserve = 0;

  /** The lowest point the flow may reach on the current page. */
  get bottom(): number {
    return this.frame.bottom + (this.pageIndex === 0 ? this.firstPageReserve : 0);
  }

  /** Ensures `height` points fit below the cursor, else starts a new page. */
  ensure(height: number): void {
    if (this.y - height < this.bottom - 0.01) this.newPage();
  }

  measure = (text: string, style: FontStyle): number => {
    const key = style + '\u0000' + text;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.fonts[style].widthOfTextAtSize(text, 1);
      this.widths.set(key, w);
    }
    return w;
  };

  /** Hex glyph codes of `text` in `style` (registers the glyphs with the font subset the first time). */
  private hex(text: string, style: FontStyle): string {
    const key = style + '\u0000' + text;
    let h = this.codes.get(key);
    if (h === undefined) {
      h = this.fonts[style].encodeText(text).toString().slice(1, -1);
      this.codes.set(key, h);
    }
    return h;
  }

  private encode(parts: readonly string[], style: FontStyle): PDFHexString {
    return PDFHexString.of(parts.map((p) => this.hex(p, style)).join(''));
  }

  lineHeight(size: number, spacing = this.lineSpacing): number {
    return size * (ASCENT + DESCENT) * 1.04 * spacing;
  }

  layout(runs: readonly Run[], options: ParagraphOptions): Line[] {
    const boxes = toBoxes(runs, this.measure);
    const width = options.width ?? this.width;
    const at = (wd: number): Line[] =>
      breakLines(boxes, { size: options.size, width: wd, align: options.align, firstIndent: options.firstIndent, restIndent: options.restIndent }, this.measure);
    const lines = at(width);
    if (!options.balance || lines.length < 2) return lines;
    // Binary search for the narrowest width with the same number of lines, then centre those lines in the full box.
    let lo = Math.max(...boxes.map((b) => b.width * options.size));
    let hi = width;
    for (let i = 0; i < 20 && hi - lo > 0.5; i++) {
      const mid = (lo + hi) / 2;
      if (at(mid).length <= lines.length) hi = mid;
      else lo = mid;
    }
    const shift = (width - hi) / 2;
    return at(hi).map((l) => ({ ...l, offset: l.offset + shift }));
  }

  /** Lays out and writes a paragraph in the flow, breaking pages between lines. */
  paragraph(runs: readonly Run[], options: ParagraphOptions): PlacedLine[] {
    const lines = this.layout(runs, options);
    const lh = this.lineHeight(options.size, options.lineSpacing);
    const x0 = options.x ?? this.frame.left;
    const placed: PlacedLine[] = [];
    for (const line of lines) {
      this.ensure(lh);
      this.y -= lh;
      const baseline = this.y + options.size * DESCENT * this.lineSpacingFor(options);
      this.drawLine(line, x0, baseline, options.size);
      placed.push({ page: this.pageIndex, baseline, x: x0 + line.offset, width: line.width });
    }
    this.y -= options.spaceAfter ?? 0;
    return placed;
  }

  private lineSpacingFor(options: ParagraphOptions): number {
    return options.lineSpacing ?? this.lineSpacing;
  }

  private fontKey(style: FontStyle): PDFName {
    let key = this.fontKeys.get(style);
    if (!key) {
      const font = this.fonts[style];
      key = this.page.node.newFontDictionary(font.name, font.ref);
      this.fontKeys.set(style, key);
    }
    return key;
  }

  /** Writes one laid-out line with its left edge at x (the paragraph box's left). */
  drawLine(line: Line, x: number, baseline: number, size: number, page: PDFPage = this.page): void {
    if (line.boxes.length === 0) return;
    const ops: PDFOperator[] = [beginText()];
    const adjust = line.extraPerSpace > 0 ? PDFNumber.of(-(line.extraPerSpace * 1000) / size) : undefined;
    let i = 0;
    while (i < line.boxes.length) {
      const style = line.boxes[i]!.style;
      const startX = x + line.offset + line.xs[i]!;
      const items: (Box | 'adjust')[] = [];
      let j = i;
      while (j < line.boxes.length && line.boxes[j]!.style === style) {
        items.push(line.boxes[j]!);
        if (line.boxes[j]!.space && j < line.boxes.length - 1 && line.boxes[j + 1]!.style === style && adjust) items.push('adjust');
        j++;
      }
      ops.push(setFontAndSize(page === this.page ? this.fontKey(style) : page.node.newFontDictionary(this.fonts[style].name, this.fonts[style].ref), size));
      ops.push(setTextMatrix(1, 0, 0, 1, round(startX), round(baseline)));
      if (!items.includes('adjust')) {
        const texts = items.flatMap((b, k) => ((b as Box).space && (k < items.length - 1 || j < line.boxes.length) ? [(b as Box).text, ' '] : [(b as Box).text]));
        ops.push(showText(this.encode(texts, style)));
      } else {
        const parts: (PDFHexString | PDFNumber)[] = [];
        let chunk: string[] = [];
        for (const item of items) {
          if (item === 'adjust') {
            parts.push(this.encode(chunk, style), adjust!);
            chunk = [];
          } else {
            chunk.push(item.text);
            if (item.space) chunk.push(' ');
          }
        }
        if (chunk.length > 0) parts.push(this.encode(chunk, style));
        const array = PDFArray.withContext(this.doc.context);
        for (const p of parts) array.push(p);
        ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
      }
      i = j;
    }
    ops.push(endText());
    page.pushOperators(...ops);
  }

  /** Writes a single line of text at an absolute position (no breaking). */
  text(text: string, style: FontStyle, size: number, x: number, baseline: number, page: PDFPage = this.page): void {
    const lines = breakLines(toBoxes([{ text, style }], this.measure), { size, width: 1e6, align: 'left' }, this.measure);
    for (const line of lines) this.drawLine(line, x, baseline, size, page);
  }

  /** A horizontal rule. */
  rule(x1: number, x2: number, y: number, thickness = 0.6, page: PDFPage = this.page): void {
    page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, lineCap: LineCapStyle.Butt, color: grayscale(0) });
  }

  /** A vertical rule from y1 down to y2. */
  verticalRule(x: number, y1: number, y2: number, thickness = 0.6, page: PDFPage = this.page): void {
    page.drawLine({ start: { x, y: y1 }, end: { x, y: y2 }, thickness, lineCap: LineCapStyle.Projecting, color: grayscale(0) });
  }

  /** A rectangle outline. */
  box(x: number, y: number, width: number, height: number, thickness = 0.8): void {
    this.page.drawRectangle({ x, y, width, height, borderWidth: thickness, borderColor: grayscale(0) });
  }

  ascent(size: number): number {
    return size * ASCENT;
  }

  descent(size: number): number {
    return size * DESCENT;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
