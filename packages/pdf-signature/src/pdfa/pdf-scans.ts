/**
 * The scans inside a scanner's PDF (one image filling each page, as scanners and img2pdf write them), read back as
 * `ScanPage`s so that `scansToPdfA` can re-embed them at 100 % in a PDF/A-2b file: JPEG streams (DCTDecode) unchanged,
 * Flate or uncompressed 8-bit RGB/grey samples losslessly. Whatever cannot be carried over without loss (text or other
 * images on the page, a rotated page or image, masks, palettes, JPEG 2000, CCITT, CMYK) is refused with a located,
 * bilingual message instead of being dropped.
 */
import { PdfSignatureError } from '../errors.js';
import { latin1String } from '../pdf/bytes.js';
import { readPage, pageBoxOf, jpegComponents, type DrawnImage } from '../pdf/content.js';
import { PdfFile } from '../pdf/file.js';
import { decodeStream } from '../pdf/filters.js';
import { PdfArray, PdfName, PdfStream, isName } from '../pdf/objects.js';
import type { ScanPage } from '../nd30/scan.js';

function refuse(page: number, vi: string, en: string): PdfSignatureError {
  return new PdfSignatureError('COPY_SOURCE_PDF', {
    vi: `Trang ${page} của tệp PDF: ${vi} Không chuyển được sang PDF/A mà không làm mất nội dung; hãy đưa các ảnh quét (PNG, JPEG, TIFF), hoặc ký nguyên tệp (convertPdf: false).`,
    en: `Page ${page} of the PDF: ${en} It cannot be converted to PDF/A without losing content; give the scans themselves (PNG, JPEG, TIFF), or sign the file as it is (convertPdf: false).`,
  });
}

/** A resolution read back from a drawn size: whole numbers stay whole despite the rounding of the page size. */
function cleanDpi(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) < 0.02 ? r : Math.round(v * 100) / 100;
}

/** Whether the file already declares PDF/A (an XMP `pdfaid:part`) and carries an output intent. */
export async function declaresPdfA(pdf: Uint8Array): Promise<boolean> {
  try {
    const file = await PdfFile.open(pdf);
    const cat = await file.catalog();
    const intents = await file.resolveArray(cat.get('OutputIntents'));
    const meta = await file.resolve(cat.get('Metadata'));
    if (!intents?.length || !(meta instanceof PdfStream)) return false;
    const xml = new TextDecoder().decode(await decodeStream(meta));
    return /<pdfaid:part>\s*[1-4]\s*</u.test(xml) || /pdfaid:part="[1-4]"/u.test(xml);
  } catch {
    return false;
  }
}

async function samplesOf(image: DrawnImage, stream: PdfStream, page: number): Promise<{ data: Uint8Array; grey: boolean }> {
  const { pixelWidth: w, pixelHeight: h, components } = image;
  let raw: Uint8Array;
  try {
    raw = await decodeStream(stream);
  } catch {
    throw refuse(page, 'không giải mã được ảnh quét.', 'the scanned image cannot be decoded.');
  }
  if (raw.length < w * h * components) throw refuse(page, 'ảnh quét thiếu dữ liệu.', 'the scanned image is truncated.');
  if (components === 3) {
    const data = raw.subarray(0, w * h * 3);
    let grey = true;
    for (let i = 0; i < data.length && grey; i += 3) grey = data[i] === data[i + 1] && data[i] === data[i + 2];
    return { data, grey };
  }
  // Grey samples: spread to RGB triples, as the PNG path carries them.
  const data = new Uint8Array(w * h * 3);
  for (let i = 0; i < w * h; i++) data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = raw[i]!;
  return { data, grey: true };
}

/** One scan per page, at the resolution it is drawn with. Throws `COPY_SOURCE_PDF` for what it cannot carry over. */
export async function scansFromPdf(pdf: Uint8Array): Promise<ScanPage[]> {
  let file: PdfFile;
  let pages;
  try {
    file = await PdfFile.open(pdf);
    pages = await file.pages();
  } catch (e) {
    if (e instanceof PdfSignatureError) throw e;
    throw new PdfSignatureError('COPY_SOURCE_PDF', { vi: 'Không đọc được tệp PDF.', en: 'The PDF cannot be read.' });
  }
  if (pages.length === 0) throw new PdfSignatureError('COPY_SOURCE_PDF', { vi: 'Tệp PDF không có trang nào.', en: 'The PDF has no pages.' });
  const scans: ScanPage[] = [];
  for (let i = 0; i < pages.length; i++) {
    const n = i + 1;
    const dict = await file.resolveDict(pages[i]);
    const rotate = dict?.get('Rotate');
    if (typeof rotate === 'number' && rotate % 360 !== 0) throw refuse(n, `trang được xoay ${rotate}°.`, `the page is rotated by ${rotate}°.`);
    const drawn = await readPage(file, pages[i]!);
    const box = await pageBoxOf(file, pages[i]!);
    const area = (box[2] - box[0]) * (box[3] - box[1]);
    if (drawn.texts.some((t) => t.text.trim() !== '')) throw refuse(n, 'có chữ ngoài ảnh quét (ví dụ lớp nhận dạng chữ OCR).', 'it has text besides the scan (e.g. an OCR layer).');
    if (drawn.images.length !== 1) {
      throw refuse(n, drawn.images.length === 0 ? 'không có ảnh quét.' : `có ${drawn.images.length} ảnh, không phải một ảnh quét.`, drawn.images.length === 0 ? 'it holds no scan.' : `it holds ${drawn.images.length} images, not one scan.`);
    }
    const image = drawn.images[0]!;
    const [x0, y0, x1, y1] = image.rect;
    if ((x1 - x0) * (y1 - y0) < area * 0.5) throw refuse(n, 'ảnh không phủ trang (không phải ảnh quét).', 'the image does not fill the page (not a scan).');
    const m = image.matrix;
    const stream = image.source;
    if (!m || !stream || m[1] !== 0 || m[2] !== 0 || m[0] <= 0 || m[3] <= 0) throw refuse(n, 'ảnh quét bị xoay hoặc lật.', 'the scan is rotated or flipped.');
    const d = stream.dict;
    if (image.masked || d.has('Decode')) throw refuse(n, 'ảnh quét có mặt nạ hoặc bảng giải mã riêng.', 'the scan has a mask or its own decode array.');
    const filter = d.get('Filter');
    const filters = filter instanceof PdfArray ? [...filter] : filter === undefined || filter === null ? [] : [filter];
    const names = filters.map((f) => (f instanceof PdfName ? f.name : '?'));
    const dpi: [number, number] = [cleanDpi((image.pixelWidth * 72) / (x1 - x0)), cleanDpi((image.pixelHeight * 72) / (y1 - y0))];
    const cs = await file.resolve(d.get('ColorSpace'));
    if (cs instanceof PdfArray && isName(cs[0], 'Indexed')) throw refuse(n, 'ảnh quét dùng bảng màu (Indexed).', 'the scan uses a palette (Indexed).');
    if (names.length === 1 && (names[0] === 'DCTDecode' || names[0] === 'DCT')) {
      const components = jpegComponents(stream.data);
      if (components === 4) throw new PdfSignatureError('SCAN_CMYK', { vi: `Trang ${n}: ảnh quét JPEG hệ màu CMYK; hãy quét ở chế độ màu RGB.`, en: `Page ${n}: the JPEG scan is CMYK; scan in RGB colour.` });
      if (components !== 1 && components !== 3) throw refuse(n, 'ảnh JPEG không đọc được.', 'the JPEG image cannot be read.');
      if (latin1String(stream.data, 0, 2) !== '\xff\xd8') throw refuse(n, 'ảnh JPEG không đọc được.', 'the JPEG image cannot be read.');
      scans.push({ format: 'jpeg', width: image.pixelWidth, height: image.pixelHeight, dpi, components, greyContent: false, data: stream.data });
      continue;
    }
    if (!names.every((f) => f === 'FlateDecode' || f === 'Fl')) throw refuse(n, `ảnh quét nén bằng ${names.join(', ')}, chưa hỗ trợ.`, `the scan is compressed with ${names.join(', ')}, which is not supported.`);
    if (image.bitsPerComponent !== 8 || (image.components !== 3 && image.components !== 1)) {
      throw refuse(n, `ảnh quét ${image.bitsPerComponent} bit, ${image.components} kênh màu (cần 8 bit RGB hoặc xám).`, `the scan is ${image.bitsPerComponent}-bit with ${image.components} colour components (8-bit RGB or grey needed).`);
    }
    const { data, grey } = await samplesOf(image, stream, n);
    scans.push({ format: 'png', width: image.pixelWidth, height: image.pixelHeight, dpi, components: image.components, greyContent: grey, data });
  }
  return scans;
}
