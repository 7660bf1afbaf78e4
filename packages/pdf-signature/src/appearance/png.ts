/**
 * PNG → PDF image XObject with an /SMask for transparency (the signer's blue signature and the red seal are
 * transparent PNGs per Nghị định 30). 8-bit grey, grey+alpha, RGB, RGBA and palette images; no interlacing.
 */
import { pdfError } from '../errors.js';
import { concatBytes } from '../pdf/bytes.js';
import { deflate, inflate } from '../pdf/filters.js';
import { PdfStream, dict, name, type PdfObject, type PdfRef } from '../pdf/objects.js';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes per pixel. */
  readonly rgb: Uint8Array;
  /** Alpha, 1 byte per pixel, or undefined when opaque. */
  readonly alpha: Uint8Array | undefined;
  /** Pixels per metre from pHYs, when given. */
  readonly pixelsPerMetre: number | undefined;
}

function bad(vi: string, en: string): never {
  throw pdfError('PNG', `Ảnh PNG: ${vi}`, `PNG image: ${en}`);
}

export async function decodePng(bytes: Uint8Array): Promise<DecodedPng> {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || sig.some((b, i) => bytes[i] !== b)) bad('không phải tệp PNG', 'not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = 0;
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  let ppm: number | undefined;
  const idat: Uint8Array[] = [];
  while (at + 8 <= bytes.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (at + 12 + len > bytes.length) bad('khối dữ liệu bị cắt', 'truncated chunk');
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = data[8]!;
      colorType = data[9]!;
      if (data[12] !== 0) bad('không hỗ trợ ảnh xen kẽ (interlaced)', 'interlaced images are not supported');
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'pHYs' && data[8] === 1) ppm = view.getUint32(at + 8);
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (depth !== 8) bad('chỉ hỗ trợ độ sâu 8 bit', 'only 8-bit depth is supported');
  if (width <= 0 || height <= 0 || width * height > 40_000_000) bad('kích thước không hợp lệ', 'invalid dimensions');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] ?? bad('kiểu màu không hỗ trợ', 'unsupported colour type');
  const raw = await inflate(concatBytes(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) bad('dữ liệu ảnh ngắn', 'short image data');
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[src + i]!;
      const a = i >= channels ? px[dst + i - channels]! : 0;
      const b = y > 0 ? px[dst - stride + i]! : 0;
      const c = y > 0 && i >= channels ? px[dst - stride + i - channels]! : 0;
      let v = x;
      if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      px[dst + i] = v & 0xff;
    }
  }
  const n = width * height;
  const rgb = new Uint8Array(n * 3);
  let alpha: Uint8Array | undefined = colorType === 4 || colorType === 6 || (colorType === 3 && trns) ? new Uint8Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    if (colorType === 6) {
      rgb.set(px.subarray(i * 4, i * 4 + 3), i * 3);
      alpha![i] = px[i * 4 + 3]!;
    } else if (colorType === 2) rgb.set(px.subarray(i * 3, i * 3 + 3), i * 3);
    else if (colorType === 0 || colorType === 4) {
      const g = px[i * channels]!;
      rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = g;
      if (colorType === 4) alpha![i] = px[i * 2 + 1]!;
    } else {
      const idx = px[i]!;
      if (!palette || idx * 3 + 2 >= palette.length) bad('bảng màu thiếu', 'missing palette entry');
      rgb.set(palette.subarray(idx * 3, idx * 3 + 3), i * 3);
      if (alpha) alpha[i] = trns && idx < trns.length ? trns[idx]! : 255;
    }
  }
  if (alpha?.every((v) => v === 255)) alpha = undefined;
  return { width, height, rgb, alpha, pixelsPerMetre: ppm };
}

/** Writes the image (and its soft mask) and returns the XObject reference. */
export async function writePngXObject(png: DecodedPng, add: (body: PdfObject | PdfStream) => PdfRef): Promise<PdfRef> {
  const base = { Type: name('XObject'), Subtype: name('Image'), Width: png.width, Height: png.height, BitsPerComponent: 8, Filter: name('FlateDecode') };
  const smask = png.alpha ? add(new PdfStream(dict({ ...base, ColorSpace: name('DeviceGray') }), await deflate(png.alpha))) : undefined;
  return add(new PdfStream(dict({ ...base, ColorSpace: name('DeviceRGB'), ...(smask ? { SMask: smask } : {}) }), await deflate(png.rgb)));
}

/** The image's natural size in points (pHYs, else 96 dpi). */
export function naturalSize(png: DecodedPng): { width: number; height: number } {
  const ppi = png.pixelsPerMetre ? png.pixelsPerMetre * 0.0254 : 96;
  return { width: (png.width * 72) / ppi, height: (png.height * 72) / ppi };
}

