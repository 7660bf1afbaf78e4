/**
 * Scanned pages for electronic copies: PNG and baseline/progressive JPEG, read far enough to know their size,
 * resolution (PNG pHYs, JPEG JFIF density) and colour, and to embed them unchanged (JPEG) or losslessly (PNG).
 */
import { decodePng } from '../appearance/png.js';
import { PdfSignatureError } from '../errors.js';

export interface ScanPage {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
  /** Resolution in dots per inch (horizontal, vertical), from the file or the caller. */
  readonly dpi: readonly [number, number] | undefined;
  /** 1 grey, 3 colour (4 CMYK is refused). */
  readonly components: number;
  /** Every pixel has equal red, green and blue (a grey scan saved as RGB); PNG only. */
  readonly greyContent: boolean;
  /** PNG: RGB samples; JPEG: the file itself (embedded with DCTDecode). */
  readonly data: Uint8Array;
}

function scanError(code: string, vi: string, en: string): PdfSignatureError {
  return new PdfSignatureError(code, { vi, en });
}

function jpegInfo(bytes: Uint8Array): { width: number; height: number; components: number; dpi: [number, number] | undefined } {
  let dpi: [number, number] | undefined;
  for (let i = 2; i + 4 <= bytes.length; ) {
    if (bytes[i] !== 0xff) break;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const seg = bytes.subarray(i + 4, i + 2 + len);
    if (marker === 0xe0 && seg.length >= 12 && String.fromCharCode(...seg.subarray(0, 5)) === 'JFIF\0') {
      const unit = seg[7]!;
      const x = (seg[8]! << 8) | seg[9]!;
      const y = (seg[10]! << 8) | seg[11]!;
      if (unit === 1 && x && y) dpi = [x, y];
      else if (unit === 2 && x && y) dpi = [x * 2.54, y * 2.54];
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && seg.length >= 6) {
      return { height: (seg[1]! << 8) | seg[2]!, width: (seg[3]! << 8) | seg[4]!, components: seg[5]!, dpi };
    }
    i += 2 + len;
  }
  throw scanError('SCAN_FORMAT', 'Ảnh JPEG không đọc được (không thấy khung SOF)', 'The JPEG image cannot be read (no SOF frame)');
}

/** Reads one scanned page; `dpi` overrides what the file says (for files that carry none). */
export async function readScan(bytes: Uint8Array, dpi?: number): Promise<ScanPage> {
  const given: [number, number] | undefined = dpi ? [dpi, dpi] : undefined;
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = await decodePng(bytes);
    // pHYs stores whole pixels per metre: 300 dpi is 11811 (299.9994 dpi); read back to a tenth of a dpi.
    const own = png.pixelsPerMetre ? Math.round(png.pixelsPerMetre * 0.254) / 10 : undefined;
    let grey = true;
    for (let i = 0; i < png.rgb.length && grey; i += 3) grey = png.rgb[i] === png.rgb[i + 1] && png.rgb[i] === png.rgb[i + 2];
    return { format: 'png', width: png.width, height: png.height, dpi: given ?? (own ? [own, own] : undefined), components: grey ? 1 : 3, greyContent: grey, data: png.rgb };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const info = jpegInfo(bytes);
    if (info.components === 4) throw scanError('SCAN_CMYK', 'Ảnh quét hệ màu CMYK: hãy quét ở hệ màu RGB', 'The scan is CMYK: scan in RGB');
    return { format: 'jpeg', width: info.width, height: info.height, dpi: given ?? info.dpi, components: info.components, greyContent: false, data: bytes };
  }
  if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) {
    throw scanError('SCAN_FORMAT', 'Ảnh TIFF chưa được hỗ trợ: hãy quét ra PNG hoặc JPEG (hoặc chuyển từng trang)', 'TIFF scans are not supported yet: scan to PNG or JPEG (or convert each page)');
  }
  throw scanError('SCAN_FORMAT', 'Định dạng ảnh quét không được hỗ trợ (chỉ PNG, JPEG)', 'Unsupported scan format (PNG or JPEG only)');
}
