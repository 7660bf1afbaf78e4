/**
 * Embedded TrueType subsets (Type0 / CIDFontType2, Identity-H, with ToUnicode) built with fontkit, so Vietnamese
 * text ("ế, ở, ữ") shows and extracts correctly. The standard-14 fonts cannot do this.
 */
// @cantoo/fontkit: the maintained fontkit 2 fork that @cantoo/pdf-lib pairs with (ESM, a synchronous subset encoder).
// Imported on demand (EmbeddedFont.load): a page that verifies, or signs with an image, never loads its 157 kB.
import type { Font, Subset } from '@cantoo/fontkit';
import { pdfError } from '../errors.js';
import { latin1Bytes } from '../pdf/bytes.js';
import { deflate } from '../pdf/filters.js';
import { PdfDict, PdfStream, PdfString, arr, dict, name, type PdfObject, type PdfRef } from '../pdf/objects.js';

export interface ShapedRun {
  /** Hex string operand of Tj, glyph ids of the subset (2 bytes each). */
  readonly hex: string;
  /** Advance width in text-space units (1/1000 em). */
  readonly width: number;
}

/** A font being used in one appearance: collects glyphs, then writes the subset. */
export class EmbeddedFont {
  private readonly font: Font;
  private readonly subset: Subset;
  private readonly widths = new Map<number, number>();
  private readonly unicode = new Map<number, number[]>();

  private constructor(font: Font) {
    this.font = font;
    this.subset = font.createSubset();
  }

  /** Parses a TrueType font (fontkit is loaded on first use); FONT_PARSE when it is not one font. */
  static async load(bytes: Uint8Array): Promise<EmbeddedFont> {
    const { create } = await import('@cantoo/fontkit');
    let font: Font;
    try {
      const created = create(bytes);
      if (!('createSubset' in created)) throw new Error('font collection');
      font = created;
    } catch {
      throw pdfError('FONT_PARSE', 'Không đọc được tệp phông chữ', 'Cannot read the font file');
    }
    return new EmbeddedFont(font);
  }

  get postscriptName(): string {
    return (this.font.postscriptName ?? 'Font').replace(/[^A-Za-z0-9-]/g, '');
  }

  /** Lays out `text` (NFC) and returns the Tj operand and width in 1/1000 em. */
  shape(text: string): ShapedRun {
    const run = this.font.layout(text.normalize('NFC'));
    const scale = 1000 / this.font.unitsPerEm;
    let hex = '';
    let width = 0;
    run.glyphs.forEach((glyph, i) => {
      const gid = this.subset.includeGlyph(glyph);
      const advance = (run.positions?.[i]?.xAdvance ?? glyph.advanceWidth) * scale;
      this.widths.set(gid, Math.round(glyph.advanceWidth * scale));
      if (glyph.codePoints.length) this.unicode.set(gid, glyph.codePoints);
      hex += gid.toString(16).padStart(4, '0');
      width += advance;
    });
    return { hex, width };
  }

  /** Width of `text` at `size` points. */
  measure(text: string, size: number): number {
    const run = this.font.layout(text.normalize('NFC'));
    const scale = 1000 / this.font.unitsPerEm;
    return (run.glyphs.reduce((w, g, i) => w + (run.positions?.[i]?.xAdvance ?? g.advanceWidth), 0) * scale * size) / 1000;
  }

  private subsetBytes(): Promise<Uint8Array> {
    return Promise.resolve(this.subset.encode());
  }

  private toUnicode(): string {
    const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
    const utf16 = (cps: number[]): string =>
      cps
        .map((cp) => {
          if (cp < 0x10000) return hex4(cp);
          const v = cp - 0x10000;
          return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
        })
        .join('');
    const entries = [...this.unicode.entries()];
    let body = '';
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      body += `${chunk.length} beginbfchar\n${chunk.map(([gid, cps]) => `<${hex4(gid)}> <${utf16(cps)}>`).join('\n')}\nendbfchar\n`;
    }
    return `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`;
  }

  /** Writes the font objects through `add` and returns the Type0 font reference. */
  async write(add: (body: PdfObject | PdfStream) => PdfRef): Promise<PdfRef> {
    const fontFile = await this.subsetBytes();
    const tag = 'EGOVVN+';
    const baseName = `${tag}${this.postscriptName}`;
    const f = this.font;
    const scale = 1000 / f.unitsPerEm;
    const file = add(new PdfStream(dict({ Filter: name('FlateDecode'), Length1: fontFile.length }), await deflate(fontFile)));
    const bbox = f.bbox;
    const descriptor = add(
      dict({
        Type: name('FontDescriptor'),
        FontName: name(baseName),
        Flags: 34,
        FontBBox: arr(Math.round(bbox.minX * scale), Math.round(bbox.minY * scale), Math.round(bbox.maxX * scale), Math.round(bbox.maxY * scale)),
        ItalicAngle: 0,
        Ascent: Math.round(f.ascent * scale),
        Descent: Math.round(f.descent * scale),
        CapHeight: Math.round((f.capHeight || f.ascent) * scale),
        StemV: 80,
        FontFile2: file,
      }),
    );
    const w = [...this.widths.entries()].sort((a, b) => a[0] - b[0]).flatMap(([gid, width]) => [gid, arr(width)]);
    const cid = add(
      dict({
        Type: name('Font'),
        Subtype: name('CIDFontType2'),
        BaseFont: name(baseName),
        CIDSystemInfo: dict({ Registry: new PdfString(latin1Bytes('Adobe'), false), Ordering: new PdfString(latin1Bytes('Identity'), false), Supplement: 0 }),
        FontDescriptor: descriptor,
        W: arr(...w),
        CIDToGIDMap: name('Identity'),
      }),
    );
    const toUnicode = add(new PdfStream(new PdfDict(), latin1Bytes(this.toUnicode())));
    return add(dict({ Type: name('Font'), Subtype: name('Type0'), BaseFont: name(baseName), Encoding: name('Identity-H'), DescendantFonts: arr(cid), ToUnicode: toUnicode }));
  }
}
