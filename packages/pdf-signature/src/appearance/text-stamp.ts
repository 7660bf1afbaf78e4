/**
 * The text-only stamp of Nghị định 30/2020 Phụ lục I at the top right of page 1 (attachments in separate files and
 * electronic copies): black serif 10 pt, no image, an embedded font subset with ToUnicode (Vietnamese).
 */
import { pdfError } from '../errors.js';
import { latin1Bytes } from '../pdf/bytes.js';
import { PdfDict, dict, type PdfRef } from '../pdf/objects.js';
import type { AppearanceContext, AppearanceFactory, AppearanceResult, Rect } from '../sign/sign-pdf.js';
import { EmbeddedFont } from './font.js';
import { MM, n, norm } from './layouts.js';

/** The page's visible box (CropBox, else MediaBox, inherited through the page tree). */
export async function pageBox(ctx: AppearanceContext): Promise<Rect> {
  // MediaBox may be inherited from the page tree.
  let node = await ctx.file.resolveDict(ctx.pageRef);
  for (let depth = 0; node && depth < 32; depth++) {
    const box = await ctx.file.resolveArray(node.get('CropBox') ?? node.get('MediaBox'));
    if (box?.length === 4 && box.every((v) => typeof v === 'number')) return norm(box as unknown as Rect);
    node = await ctx.file.resolveDict(node.get('Parent'));
  }
  return [0, 0, 595.28, 841.89];
}

export interface StampOptions {
  /** TrueType/OpenType font bytes covering Vietnamese (the package ships Liberation Serif: see `./node`). */
  readonly font: Uint8Array;
  /** Lines of text, top to bottom (see `appendixStampLines` / `copyStampLines`). */
  readonly lines: readonly string[];
  /** Font size in points (default 10). */
  readonly size?: number;
  /** Distance from the page's right and top edges, in mm (default 20 and 15). */
  readonly marginRightMm?: number;
  readonly marginTopMm?: number;
}

/** The text-only stamp at the top right of the page (black serif 10 pt, no image). */
export function textStampAppearance(options: StampOptions): AppearanceFactory {
  return async (ctx): Promise<AppearanceResult> => {
    if (options.lines.length === 0) throw pdfError('STAMP_EMPTY', 'Dấu văn bản không có dòng nào', 'The text stamp has no lines');
    const size = options.size ?? 10;
    const font = await EmbeddedFont.load(options.font);
    const runs = options.lines.map((line) => font.shape(line));
    const lead = size * 1.2;
    const pad = 2;
    const width = Math.max(...runs.map((r) => (r.width * size) / 1000)) + 2 * pad;
    const height = lead * runs.length + 2 * pad;
    const box = await pageBox(ctx);
    const right = box[2] - (options.marginRightMm ?? 20) * MM;
    const top = box[3] - (options.marginTopMm ?? 15) * MM;
    const rect: Rect = [right - width, top - height, right, top];
    let content = `BT /F1 ${n(size)} Tf 0 g\n`;
    runs.forEach((run, i) => {
      const x = width - pad - (run.width * size) / 1000;
      const y = height - pad - lead * (i + 1) + (lead - size) / 2 + size * 0.22;
      content += `1 0 0 1 ${n(x)} ${n(y)} Tm <${run.hex}> Tj\n`;
    });
    content += 'ET';
    const fontRef: PdfRef = await font.write(ctx.add);
    return { rect, content: latin1Bytes(content), resources: new PdfDict([['Font', dict({ F1: fontRef })]]) };
  };
}

