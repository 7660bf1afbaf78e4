/** Stream filters needed to read xref and object streams: FlateDecode with PNG/TIFF predictors. */
import { pdfError } from '../errors.js';
import { concatBytes } from './bytes.js';
import { PdfArray, PdfDict, PdfName, type PdfObject, type PdfStream } from './objects.js';

/** Decoded streams larger than this are refused (decompression bombs). */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

async function runStream(data: Uint8Array, stream: CompressionStream | DecompressionStream, max: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reader side; swallow the writer's copies.
  writer.write(data.slice()).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw pdfError('PDF_STREAM_TOO_LARGE', 'Luồng giải nén quá lớn', 'Decoded stream too large');
    }
    parts.push(value);
  }
  return concatBytes(parts);
}

export async function inflate(data: Uint8Array, max = MAX_DECODED_BYTES): Promise<Uint8Array> {
  try {
    return await runStream(data, new DecompressionStream('deflate'), max);
  } catch (error) {
    if (error instanceof Error && error.name === 'PdfSignatureError') throw error;
    throw pdfError('PDF_FLATE', 'Dữ liệu nén Flate bị hỏng', 'Corrupt Flate data');
  }
}

export async function deflate(data: Uint8Array): Promise<Uint8Array> {
  return runStream(data, new CompressionStream('deflate'), Number.MAX_SAFE_INTEGER);
}

function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = typeof parms?.get('Predictor') === 'number' ? (parms.get('Predictor') as number) : 1;
  if (predictor < 10) return data;
  const num = (k: string, d: number): number => (typeof parms?.get(k) === 'number' ? (parms.get(k) as number) : d);
  const colors = num('Colors', 1);
  const bpc = num('BitsPerComponent', 8);
  const columns = num('Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (rowLen <= 0 || rowLen > 1 << 20) throw pdfError('PDF_PREDICTOR', 'Tham số Predictor không hợp lệ', 'Invalid predictor parameters');
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const b = r > 0 ? out[dst - rowLen + i]! : 0;
      const c = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + a;
      else if (type === 2) v = x + b;
      else if (type === 3) v = x + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** Decodes a stream's data. Only FlateDecode (and no filter) is supported: enough for xref and object streams. */
export async function decodeStream(stream: PdfStream): Promise<Uint8Array> {
  const filter = stream.dict.get('Filter');
  const filters: PdfObject[] = filter === undefined || filter === null ? [] : filter instanceof PdfArray ? [...filter] : [filter];
  const parmsRaw = stream.dict.get('DecodeParms');
  const parmsList: PdfObject[] = parmsRaw instanceof PdfArray ? [...parmsRaw] : [parmsRaw ?? null];
  let data = stream.data;
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    if (!(f instanceof PdfName) || (f.name !== 'FlateDecode' && f.name !== 'Fl')) {
      throw pdfError('PDF_FILTER', 'Bộ lọc luồng không được hỗ trợ', 'Unsupported stream filter');
    }
    data = await inflate(data);
    const parms = parmsList[i];
    data = unpredict(data, parms instanceof PdfDict ? parms : undefined);
  }
  return data;
}
