/**
 * Reads the revision structure of a PDF (ISO 32000-1 §7.5): xref tables, xref streams, hybrid files and the /Prev
 * chain, lazily, so a 50 MB file is opened by reading its tail and the few objects asked for.
 */
import { pdfError, PdfSignatureError } from '../errors.js';
import { latin1Bytes, lastIndexOfBytes } from './bytes.js';
import { decodeStream } from './filters.js';
import { PdfArray, PdfDict, PdfRef, PdfStream, isName, type PdfObject } from './objects.js';
import { Parser, findKeyword, type IndirectObject } from './parser.js';

export type XrefEntry =
  | { readonly type: 0 }
  | { readonly type: 1; readonly offset: number; readonly gen: number }
  | { readonly type: 2; readonly stream: number; readonly index: number };

export interface XrefSection {
  /** Offset of `xref` or of the xref stream object. */
  readonly offset: number;
  readonly kind: 'table' | 'stream';
  readonly trailer: PdfDict;
  readonly entries: ReadonlyMap<number, XrefEntry>;
  /** Offset just after this revision's `%%EOF` (and its end-of-line), or -1 when there is none. */
  readonly revisionEnd: number;
  /** Whether the trailer has /XRefStm (hybrid file). */
  readonly hybrid: boolean;
}

const MAX_SECTIONS = 1024;
const MAX_OBJECT_NUMBER = 8_388_607;
const MAX_RESOLVE_DEPTH = 32;

export class PdfFile {
  private readonly cache = new Map<string, PdfObject>();
  private readonly objStmCache = new Map<number, Promise<{ offsets: number[]; data: Uint8Array; first: number }>>();
  /** Problems found while reading the structure that do not stop reading. */
  readonly warnings: string[] = [];

  private constructor(
    readonly bytes: Uint8Array,
    /** Oldest first. */
    readonly sections: readonly XrefSection[],
    readonly startxref: number,
  ) {}

  get trailer(): PdfDict {
    return this.sections.at(-1)!.trailer;
  }

  get lastSection(): XrefSection {
    return this.sections.at(-1)!;
  }

  static async open(bytes: Uint8Array): Promise<PdfFile> {
    if (findKeyword(bytes, '%PDF-', 0, Math.min(bytes.length, 1024)) < 0) {
      throw pdfError('PDF_HEADER', 'Không phải tệp PDF (thiếu %PDF-)', 'Not a PDF file (no %PDF- header)', 0);
    }
    const tailFrom = Math.max(0, bytes.length - 4096);
    const sx = lastIndexOfBytes(bytes, latin1Bytes('startxref'), bytes.length, tailFrom);
    if (sx < 0) {
      // A PDF header and nothing that ends a PDF: the file was cut short (an interrupted copy or download) or damaged.
      throw pdfError(
        'PDF_TRUNCATED',
        `Tệp PDF bị cắt cụt hoặc hỏng (${bytes.length} byte, không có startxref ở cuối tệp)`,
        `Truncated or damaged PDF (${bytes.length} bytes, no startxref at the end of the file)`,
        bytes.length,
      );
    }
    const p = new Parser(bytes, sx + 9);
    const startxref = p.tryInt();
    if (startxref === undefined || startxref >= bytes.length) {
      throw pdfError('PDF_BAD_STARTXREF', 'Giá trị startxref không hợp lệ', 'Invalid startxref value', sx);
    }
    const newestFirst: XrefSection[] = [];
    const seen = new Set<number>();
    let offset: number | undefined = startxref;
    while (offset !== undefined) {
      if (seen.has(offset)) {
        throw pdfError('PDF_PREV_LOOP', 'Chuỗi /Prev của bảng xref bị lặp', 'The xref /Prev chain loops', offset);
      }
      if (seen.size >= MAX_SECTIONS) throw pdfError('PDF_TOO_MANY_REVISIONS', 'Quá nhiều phiên bản', 'Too many revisions', offset);
      seen.add(offset);
      const section = await readSection(bytes, offset);
      newestFirst.push(section);
      const prev = section.trailer.get('Prev');
      if (prev === undefined) offset = undefined;
      else if (typeof prev === 'number' && Number.isInteger(prev) && prev >= 0 && prev < bytes.length) offset = prev;
      else throw pdfError('PDF_BAD_PREV', '/Prev không hợp lệ', 'Invalid /Prev', section.offset);
    }
    const sections = newestFirst.reverse();
    const file = new PdfFile(bytes, sections, startxref);
    for (let i = 1; i < sections.length; i++) {
      if (sections[i]!.offset <= sections[i - 1]!.offset) file.warnings.push('xref-order');
    }
    if (!(file.trailer.get('Root') instanceof PdfRef)) {
      throw pdfError('PDF_NO_ROOT', 'Trailer không có /Root', 'Trailer has no /Root', startxref);
    }
    return file;
  }

  /** The entry for an object as of revision `rev` (index into `sections`). */
  entry(num: number, rev = this.sections.length - 1): XrefEntry | undefined {
    for (let i = rev; i >= 0; i--) {
      const e = this.sections[i]!.entries.get(num);
      if (e) return e;
    }
    return undefined;
  }

  /** The revision index whose section defines object `num` last, up to `rev`. */
  definedIn(num: number, rev = this.sections.length - 1): number {
    for (let i = rev; i >= 0; i--) if (this.sections[i]!.entries.has(num)) return i;
    return -1;
  }

  private lengthResolver = (ref: PdfRef): number | undefined => {
    const e = this.entry(ref.num);
    if (e?.type !== 1) return undefined;
    try {
      const obj = new Parser(this.bytes, e.offset).parseIndirect();
      return typeof obj.value === 'number' ? obj.value : undefined;
    } catch {
      return undefined;
    }
  };

  /** Parses the indirect object at a byte offset. */
  parseAt(offset: number): IndirectObject {
    return new Parser(this.bytes, offset).parseIndirect(this.lengthResolver);
  }

  /** The object `num` as of revision `rev`; undefined when absent or free. */
  async get(num: number, rev = this.sections.length - 1): Promise<PdfObject | undefined> {
    const e = this.entry(num, rev);
    if (!e || e.type === 0) return undefined;
    const key = e.type === 1 ? `o${e.offset}` : `s${e.stream}:${e.index}`;
    if (this.cache.has(key)) return this.cache.get(key);
    let value: PdfObject;
    if (e.type === 1) {
      if (e.offset <= 0 || e.offset >= this.bytes.length) throw pdfError('PDF_BAD_OFFSET', 'Vị trí đối tượng nằm ngoài tệp', 'Object offset outside the file', e.offset);
      const obj = this.parseAt(e.offset);
      if (obj.num !== num) throw pdfError('PDF_XREF_MISMATCH', `Bảng xref trỏ sai đối tượng ${num}`, `xref points to the wrong object for ${num}`, e.offset);
      value = obj.value;
    } else {
      value = await this.fromObjectStream(e.stream, e.index, num, rev);
    }
    this.cache.set(key, value);
    return value;
  }

  private async fromObjectStream(streamNum: number, index: number, num: number, rev: number): Promise<PdfObject> {
    let pending = this.objStmCache.get(streamNum);
    if (!pending) {
      pending = (async () => {
        const e = this.entry(streamNum, rev);
        if (e?.type !== 1) throw pdfError('PDF_OBJSTM', 'Luồng đối tượng không hợp lệ', 'Invalid object stream');
        const stm = this.parseAt(e.offset).value;
        if (!(stm instanceof PdfStream) || !isName(stm.dict.get('Type'), 'ObjStm')) {
          throw pdfError('PDF_OBJSTM', 'Luồng đối tượng không hợp lệ', 'Invalid object stream', e.offset);
        }
        const data = await decodeStream(stm);
        const n = stm.dict.get('N');
        const first = stm.dict.get('First');
        if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n * 4 > data.length || first > data.length) {
          throw pdfError('PDF_OBJSTM', 'Luồng đối tượng có /N hoặc /First sai', 'Object stream has a bad /N or /First', e.offset);
        }
        const p = new Parser(data, 0, first);
        const offsets: number[] = [];
        for (let i = 0; i < n; i++) {
          const objNum = p.tryInt();
          const off = p.tryInt();
          if (objNum === undefined || off === undefined) throw pdfError('PDF_OBJSTM', 'Đầu luồng đối tượng hỏng', 'Corrupt object stream header');
          offsets.push(objNum, off);
        }
        return { offsets, data, first };
      })();
      this.objStmCache.set(streamNum, pending);
    }
    const { offsets, data, first } = await pending;
    if (index < 0 || index * 2 >= offsets.length || offsets[index * 2] !== num) {
      throw pdfError('PDF_OBJSTM', `Không thấy đối tượng ${num} trong luồng đối tượng`, `Object ${num} not in its object stream`);
    }
    return new Parser(data, first + offsets[index * 2 + 1]!).parseObject();
  }

  /** Follows references (bounded) to a direct value. */
  async resolve(obj: PdfObject | undefined, rev = this.sections.length - 1): Promise<PdfObject | undefined> {
    let cur = obj;
    for (let i = 0; cur instanceof PdfRef; i++) {
      if (i > MAX_RESOLVE_DEPTH) throw pdfError('PDF_REF_LOOP', 'Tham chiếu lặp vòng', 'Reference loop');
      cur = await this.get(cur.num, rev);
    }
    return cur;
  }

  async resolveDict(obj: PdfObject | undefined, rev?: number): Promise<PdfDict | undefined> {
    const v = await this.resolve(obj, rev);
    return v instanceof PdfDict ? v : v instanceof PdfStream ? v.dict : undefined;
  }

  async resolveArray(obj: PdfObject | undefined, rev?: number): Promise<PdfArray | undefined> {
    const v = await this.resolve(obj, rev);
    return v instanceof PdfArray ? v : undefined;
  }

  /** The catalog as of revision `rev`. */
  async catalog(rev = this.sections.length - 1): Promise<PdfDict> {
    const root = this.sections[rev]!.trailer.get('Root');
    const cat = await this.resolveDict(root, rev);
    if (!cat) throw pdfError('PDF_NO_CATALOG', 'Không đọc được Catalog', 'Cannot read the catalog');
    return cat;
  }

  /** Page references in order as of revision `rev` (bounded walk; loops are refused). */
  /**
   * The page at `index` (0-based) without reading the whole tree: subtrees are skipped by their /Count and the walk
   * stops at the page. Undefined when there is no such page.
   */
  async pageAt(index: number, rev = this.sections.length - 1): Promise<PdfRef | undefined> {
    const cat = await this.catalog(rev);
    const seen = new Set<string>();
    let remaining = index;
    const walk = async (node: PdfObject | undefined, depth: number): Promise<PdfRef | undefined> => {
      if (!(node instanceof PdfRef) || depth > 64) throw pdfError('PDF_PAGES', 'Cây trang không hợp lệ', 'Invalid page tree');
      if (seen.has(node.key)) throw pdfError('PDF_PAGES', 'Cây trang lặp vòng', 'The page tree loops');
      seen.add(node.key);
      const d = await this.resolveDict(node, rev);
      if (!d) throw pdfError('PDF_PAGES', 'Nút trang không đọc được', 'Unreadable page node');
      if (!(isName(d.get('Type'), 'Pages') || d.has('Kids'))) {
        if (remaining === 0) return node;
        remaining--;
        return undefined;
      }
      const count = d.get('Count');
      // A subtree entirely before the page is skipped (its /Count trusted only when it is a plausible number).
      if (depth > 0 && typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= remaining) {
        remaining -= count;
        return undefined;
      }
      for (const kid of (await this.resolveArray(d.get('Kids'), rev)) ?? []) {
        const found = await walk(kid, depth + 1);
        if (found) return found;
      }
      return undefined;
    };
    return index < 0 ? undefined : walk(cat.get('Pages'), 0);
  }

  async pages(rev = this.sections.length - 1): Promise<PdfRef[]> {
    const cat = await this.catalog(rev);
    const out: PdfRef[] = [];
    const seen = new Set<string>();
    const walk = async (node: PdfObject | undefined, depth: number): Promise<void> => {
      if (!(node instanceof PdfRef) || depth > 64) throw pdfError('PDF_PAGES', 'Cây trang không hợp lệ', 'Invalid page tree');
      if (seen.has(node.key)) throw pdfError('PDF_PAGES', 'Cây trang lặp vòng', 'The page tree loops');
      seen.add(node.key);
      const d = await this.resolveDict(node, rev);
      if (!d) throw pdfError('PDF_PAGES', 'Nút trang không đọc được', 'Unreadable page node');
      if (isName(d.get('Type'), 'Pages') || d.has('Kids')) {
        const kids = await this.resolveArray(d.get('Kids'), rev);
        for (const kid of kids ?? []) await walk(kid, depth + 1);
      } else out.push(node);
    };
    await walk(cat.get('Pages'), 0);
    return out;
  }
}

async function readSection(bytes: Uint8Array, offset: number): Promise<XrefSection> {
  const p = new Parser(bytes, offset);
  try {
    if (p.keyword('xref')) return withEnd(bytes, await readTable(bytes, p, offset));
    const obj = p.parseIndirect();
    if (!(obj.value instanceof PdfStream) || !isName(obj.value.dict.get('Type'), 'XRef')) {
      throw pdfError('PDF_BAD_XREF', 'startxref không trỏ tới bảng xref', 'startxref does not point to an xref section', offset);
    }
    const entries = await readXrefStream(obj.value, offset);
    return withEnd(bytes, { offset, kind: 'stream', trailer: obj.value.dict, entries, end: obj.end, hybrid: false });
  } catch (error) {
    if (error instanceof PdfSignatureError) throw error;
    throw pdfError('PDF_BAD_XREF', 'Bảng xref hỏng', 'Corrupt xref section', offset);
  }
}

function withEnd(bytes: Uint8Array, s: Omit<XrefSection, 'revisionEnd'> & { end: number }): XrefSection {
  let revisionEnd = -1;
  const sx = findKeyword(bytes, 'startxref', s.end, Math.min(bytes.length, s.end + 1024));
  if (sx >= 0) {
    const eof = findKeyword(bytes, '%%EOF', sx, Math.min(bytes.length, sx + 64));
    if (eof >= 0) {
      revisionEnd = eof + 5;
      if (bytes[revisionEnd] === 0x0d) revisionEnd++;
      if (bytes[revisionEnd] === 0x0a) revisionEnd++;
    }
  }
  const { end: _end, ...rest } = s;
  return { ...rest, revisionEnd };
}

async function readTable(bytes: Uint8Array, p: Parser, offset: number): Promise<Omit<XrefSection, 'revisionEnd'> & { end: number }> {
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const start = p.tryInt();
    if (start === undefined) break;
    const count = p.tryInt();
    if (count === undefined || start + count > MAX_OBJECT_NUMBER || count * 18 > bytes.length - p.pos) {
      throw pdfError('PDF_BAD_XREF', 'Phân đoạn xref không hợp lệ', 'Invalid xref subsection', p.pos);
    }
    for (let i = 0; i < count; i++) {
      const off = p.tryInt();
      const gen = p.tryInt();
      p.skipWhite();
      const kind = p.token();
      if (off === undefined || gen === undefined || (kind !== 'n' && kind !== 'f')) {
        throw pdfError('PDF_BAD_XREF', 'Dòng xref không hợp lệ', 'Invalid xref entry', p.pos);
      }
      if (!entries.has(start + i)) entries.set(start + i, kind === 'n' ? { type: 1, offset: off, gen } : { type: 0 });
    }
  }
  if (!p.keyword('trailer')) throw pdfError('PDF_BAD_XREF', 'Thiếu trailer', 'Missing trailer', p.pos);
  const trailer = p.parseObject();
  if (!(trailer instanceof PdfDict)) throw pdfError('PDF_BAD_XREF', 'Trailer không phải từ điển', 'Trailer is not a dictionary', p.pos);
  const xrefStm = trailer.get('XRefStm');
  if (typeof xrefStm === 'number') {
    try {
      const obj = new Parser(bytes, xrefStm).parseIndirect();
      if (obj.value instanceof PdfStream) {
        for (const [num, e] of await readXrefStream(obj.value, xrefStm)) {
          const cur = entries.get(num);
          if (!cur || cur.type === 0) entries.set(num, e);
        }
      }
    } catch (error) {
      if (error instanceof PdfSignatureError) throw error;
      throw pdfError('PDF_BAD_XREF', '/XRefStm hỏng', 'Corrupt /XRefStm', xrefStm);
    }
  }
  return { offset, kind: 'table', trailer, entries, end: p.pos, hybrid: typeof xrefStm === 'number' };
}

async function readXrefStream(stream: PdfStream, offset: number): Promise<Map<number, XrefEntry>> {
  const bad = (vi: string, en: string): never => {
    throw pdfError('PDF_BAD_XREF', `Luồng xref: ${vi}`, `xref stream: ${en}`, offset);
  };
  const w = stream.dict.get('W');
  const size = stream.dict.get('Size');
  if (!(w instanceof PdfArray) || w.length !== 3 || !w.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 8)) {
    bad('/W sai', 'bad /W');
  }
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_OBJECT_NUMBER) bad('/Size sai', 'bad /Size');
  const [w0, w1, w2] = w as unknown as [number, number, number];
  const rowLen = w0 + w1 + w2;
  if (rowLen === 0) bad('/W rỗng', 'empty /W');
  const index = stream.dict.get('Index');
  const ranges: number[] = index instanceof PdfArray ? index.map((x) => (typeof x === 'number' ? x : -1)) : [0, size as number];
  if (ranges.length % 2 || ranges.some((x) => !Number.isInteger(x) || x < 0 || x > MAX_OBJECT_NUMBER)) bad('/Index sai', 'bad /Index');
  const data = await decodeStream(stream);
  const entries = new Map<number, XrefEntry>();
  let at = 0;
  const read = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + data[at++]!;
    return v;
  };
  for (let r = 0; r < ranges.length; r += 2) {
    const start = ranges[r]!;
    const count = ranges[r + 1]!;
    if (at + count * rowLen > data.length) bad('dữ liệu ngắn hơn /Index', 'data shorter than /Index');
    for (let i = 0; i < count; i++) {
      const type = w0 === 0 ? 1 : read(w0);
      const f2 = read(w1);
      const f3 = read(w2);
      const e: XrefEntry | undefined =
        type === 0 ? { type: 0 } : type === 1 ? { type: 1, offset: f2, gen: f3 } : type === 2 ? { type: 2, stream: f2, index: f3 } : undefined;
      if (e && !entries.has(start + i)) entries.set(start + i, e);
    }
  }
  return entries;
}
