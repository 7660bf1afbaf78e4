/**
 * Scanned pages for electronic copies: PNG, baseline/progressive JPEG and (multi-page) TIFF, read far enough to know
 * their size, resolution (PNG pHYs, JPEG JFIF density, TIFF X/YResolution) and colour, and to embed them unchanged
 * (JPEG) or losslessly (PNG, TIFF decoded to RGB samples).
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
  /** `png` (PNG or TIFF): RGB samples; `jpeg`: the file itself (embedded with DCTDecode). */
  readonly data: Uint8Array;
}

function scanError(code: 'SCAN_CMYK' | 'SCAN_FORMAT', vi: string, en: string): PdfSignatureError {
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
  if (isTiff(bytes)) {
    const [first] = await readTiff(bytes, given);
    return first!;
  }
  throw scanError('SCAN_FORMAT', 'Định dạng ảnh quét không được hỗ trợ (chỉ PNG, JPEG, TIFF)', 'Unsupported scan format (PNG, JPEG or TIFF only)');
}

const isTiff = (b: Uint8Array): boolean => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a);

/** Every page of a (multi-page) TIFF as RGB, with its resolution; `tiff` (image-js, ESM) loads only for TIFF input. */
async function readTiff(bytes: Uint8Array, given: [number, number] | undefined): Promise<ScanPage[]> {
  const { decode } = await import('tiff');
  let ifds;
  try {
    ifds = decode(bytes);
  } catch (e) {
    throw scanError('SCAN_FORMAT', `Ảnh TIFF không đọc được (${e instanceof Error ? e.message : String(e)})`, `The TIFF image cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (ifds.length === 0) throw scanError('SCAN_FORMAT', 'Ảnh TIFF không có trang nào', 'The TIFF image has no page');
  return ifds.map((ifd, index) => {
    const { width, height, data } = ifd;
    const bps = ifd.bitsPerSample;
    const spp = ifd.samplesPerPixel || 1;
    const photometric = ifd.type;
    if ((bps !== 8 && bps !== 16) || width * height > 40_000_000 || data.length < width * height * spp || ifd.planarConfiguration === 2) {
      throw scanError('SCAN_FORMAT', `Trang ${index + 1} của ảnh TIFF có dạng mẫu không hỗ trợ (${bps} bit, ${spp} kênh): hãy quét 8 bit màu`, `Page ${index + 1} of the TIFF has an unsupported sample layout (${bps}-bit, ${spp} samples): scan in 8-bit colour`);
    }
    const shift = bps === 16 ? 8 : 0;
    const rgb = new Uint8Array(width * height * 3);
    const palette = ifd.palette;
    for (let i = 0; i < width * height; i++) {
      if (photometric === 2 && spp >= 3) {
        rgb[i * 3] = data[i * spp]! >> shift;
        rgb[i * 3 + 1] = data[i * spp + 1]! >> shift;
        rgb[i * 3 + 2] = data[i * spp + 2]! >> shift;
      } else if (photometric === 3 && palette) {
        const c = palette[data[i * spp]!] ?? [0, 0, 0];
        rgb.set([c[0] >> 8, c[1] >> 8, c[2] >> 8], i * 3);
      } else {
        let g = data[i * spp]! >> shift;
        if (photometric === 0) g = 255 - g;
        rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = g;
      }
    }
    let grey = true;
    for (let i = 0; i < rgb.length && grey; i += 3) grey = rgb[i] === rgb[i + 1] && rgb[i] === rgb[i + 2];
    const perInch = ifd.resolutionUnit === 3 ? 2.54 : ifd.resolutionUnit === 2 ? 1 : 0;
    const x = ifd.xResolution * perInch;
    const y = ifd.yResolution * perInch;
    const own: [number, number] | undefined = x > 0 && y > 0 ? [Math.round(x * 10) / 10, Math.round(y * 10) / 10] : undefined;
    return { format: 'png', width, height, dpi: given ?? own, components: grey ? 1 : 3, greyContent: grey, data: rgb } satisfies ScanPage;
  });
}

/** Reads the pages of a scan file: one for PNG and JPEG, each page of a multi-page TIFF. */
export async function readScans(bytes: Uint8Array, dpi?: number): Promise<ScanPage[]> {
  if (isTiff(bytes)) return readTiff(bytes, dpi ? [dpi, dpi] : undefined);
  return [await readScan(bytes, dpi)];
}
