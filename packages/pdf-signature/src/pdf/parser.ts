/**
 * A bounded PDF object parser: every loop advances, nesting is capped, and every failure is a located
 * PdfSignatureError. It never hangs on hostile input.
 */
import { pdfError } from '../errors.js';
import { isDelim, isWhite, latin1String } from './bytes.js';
import { PdfArray, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from './objects.js';

const MAX_DEPTH = 64;

export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfObject;
  /** Offset of the object number. */
  readonly start: number;
  /** Offset just after `endobj` (or after the value when `endobj` is missing). */
  readonly end: number;
}

/** Resolves a stream /Length given as an indirect reference. */
export type LengthResolver = (ref: PdfRef) => number | undefined;

export class Parser {
  pos: number;
  constructor(
    readonly src: Uint8Array,
    pos = 0,
    readonly limit = src.length,
  ) {
    this.pos = pos;
  }

  fail(vi: string, en: string): never {
    throw pdfError('PDF_SYNTAX', `Lỗi cú pháp PDF: ${vi}`, `PDF syntax error: ${en}`, this.pos);
  }

  skipWhite(): void {
    const { src, limit } = this;
    while (this.pos < limit) {
      const c = src[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < limit && src[this.pos] !== 0x0a && src[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  peek(): number {
    return this.pos < this.limit ? this.src[this.pos]! : -1;
  }

  /** Reads a regular-character token (keyword or number) without consuming leading white space. */
  token(): string {
    const start = this.pos;
    while (this.pos < this.limit && !isWhite(this.src[this.pos]!) && !isDelim(this.src[this.pos]!)) this.pos++;
    return latin1String(this.src, start, this.pos);
  }

  keyword(word: string): boolean {
    this.skipWhite();
    const save = this.pos;
    if (this.token() === word) return true;
    this.pos = save;
    return false;
  }

  /** Reads an unsigned integer token, or returns undefined (position unchanged). */
  tryInt(): number | undefined {
    const save = this.pos;
    this.skipWhite();
    const tok = this.token();
    if (/^\d{1,15}$/.test(tok)) return Number(tok);
    this.pos = save;
    return undefined;
  }

  parseObject(depth = 0): PdfObject {
    if (depth > MAX_DEPTH) this.fail('lồng quá sâu', 'nesting too deep');
    this.skipWhite();
    if (this.pos >= this.limit) this.fail('hết dữ liệu khi đọc đối tượng', 'unexpected end of data');
    const { src } = this;
    const c = src[this.pos]!;
    const start = this.pos;
    if (c === 0x2f) return this.parseName();
    if (c === 0x28) return this.parseLiteral();
    if (c === 0x3c) {
      if (src[this.pos + 1] === 0x3c) return this.parseDict(depth);
      return this.parseHex();
    }
    if (c === 0x5b) {
      this.pos++;
      const items: PdfObject[] = [];
      for (;;) {
        this.skipWhite();
        if (this.pos >= this.limit) this.fail('mảng không đóng', 'unterminated array');
        if (src[this.pos] === 0x5d) {
          this.pos++;
          return PdfArray.of2(items, start, this.pos);
        }
        items.push(this.parseObject(depth + 1));
      }
    }
    const tok = this.token();
    if (tok === '') this.fail(`ký tự không hợp lệ 0x${c.toString(16)}`, `unexpected character 0x${c.toString(16)}`);
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    if (tok === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok)) {
      if (/^\d+$/.test(tok)) {
        const save = this.pos;
        const gen = this.tryInt();
        if (gen !== undefined) {
          this.skipWhite();
          if (this.src[this.pos] === 0x52 && (this.pos + 1 >= this.limit || isWhite(src[this.pos + 1]!) || isDelim(src[this.pos + 1]!))) {
            this.pos++;
            return new PdfRef(Number(tok), gen);
          }
        }
        this.pos = save;
      }
      return Number(tok);
    }
    this.pos = start;
    return this.fail(`từ khoá không mong đợi "${tok.slice(0, 20)}"`, `unexpected keyword "${tok.slice(0, 20)}"`);
  }

  private parseName(): PdfName {
    this.pos++;
    const raw = this.token();
    return new PdfName(raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))));
  }

  private parseLiteral(): PdfString {
    const { src, limit } = this;
    const start = this.pos;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < limit) {
      const c = src[this.pos++]!;
      if (c === 0x5c) {
        const n = src[this.pos++];
        if (n === undefined) break;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (map[n] !== undefined) out.push(map[n]);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && src[this.pos]! >= 0x30 && src[this.pos]! <= 0x37; k++) v = v * 8 + (src[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (src[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) return new PdfString(Uint8Array.from(out), false, start, this.pos);
        out.push(c);
      } else out.push(c);
    }
    this.pos = start;
    return this.fail('chuỗi không đóng', 'unterminated literal string');
  }

  private parseHex(): PdfString {
    const { src, limit } = this;
    const start = this.pos;
    // Find the end first, so the bytes go straight into a typed array (signature /Contents are thousands of digits).
    const end = src.subarray(0, limit).indexOf(0x3e, start + 1);
    if (end < 0) return this.fail('chuỗi hex không đóng', 'unterminated hex string');
    const decoded = decodeHexDigits(src, start + 1, end);
    if (typeof decoded === 'number') {
      this.pos = decoded;
      return this.fail('chuỗi hex có ký tự lạ', 'invalid character in hex string');
    }
    this.pos = end + 1;
    return new PdfString(decoded, true, start, this.pos);
  }

  private parseDict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const entries: [string, PdfObject][] = [];
    for (;;) {
      this.skipWhite();
      if (this.pos >= this.limit) this.fail('từ điển không đóng', 'unterminated dictionary');
      if (this.src[this.pos] === 0x3e && this.src[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(entries, start, this.pos);
      }
      if (this.src[this.pos] !== 0x2f) this.fail('khoá từ điển phải là tên', 'dictionary key must be a name');
      const key = this.parseName().name;
      entries.push([key, this.parseObject(depth + 1)]);
    }
  }

  /** Parses `num gen obj value [stream] endobj` at the current position. */
  parseIndirect(resolveLength?: LengthResolver): IndirectObject {
    this.skipWhite();
    const start = this.pos;
    const num = this.tryInt();
    const gen = this.tryInt();
    if (num === undefined || gen === undefined || !this.keyword('obj')) {
      this.pos = start;
      this.fail('không tìm thấy đầu đối tượng "n g obj"', 'expected "n g obj"');
    }
    let value = this.parseObject();
    this.skipWhite();
    if (value instanceof PdfDict && this.keyword('stream')) {
      const { src } = this;
      if (src[this.pos] === 0x0d) this.pos++;
      if (src[this.pos] === 0x0a) this.pos++;
      const dataStart = this.pos;
      const lenObj = value.get('Length');
      let length = typeof lenObj === 'number' ? lenObj : lenObj instanceof PdfRef ? resolveLength?.(lenObj) : undefined;
      if (length !== undefined && (!Number.isInteger(length) || length < 0 || dataStart + length > this.limit)) length = undefined;
      if (length !== undefined) {
        const after = new Parser(src, dataStart + length, this.limit);
        if (!after.keyword('endstream')) length = undefined;
      }
      if (length === undefined) {
        const at = findKeyword(src, 'endstream', dataStart, this.limit);
        if (at < 0) this.fail('luồng không có "endstream"', 'stream without "endstream"');
        let end = at;
        if (src[end - 1] === 0x0a) end--;
        if (src[end - 1] === 0x0d) end--;
        length = Math.max(0, end - dataStart);
      }
      value = new PdfStream(value, src.subarray(dataStart, dataStart + length), dataStart);
      this.pos = dataStart + length;
      this.keyword('endstream');
    }
    this.keyword('endobj');
    return { num, gen, value, start, end: this.pos };
  }
}

export function findKeyword(src: Uint8Array, word: string, from: number, to: number): number {
  const first = word.charCodeAt(0);
  outer: for (let i = from; i + word.length <= to; i++) {
    if (src[i] !== first) continue;
    for (let j = 1; j < word.length; j++) if (src[i + j] !== word.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Value of each byte as a hex digit; -2 for PDF white space (skipped), -1 for anything else. */
const HEX_VALUE = /* @__PURE__ */ (() => {
  const table = new Int8Array(256).fill(-1);
  for (let c = 0; c < 256; c++) {
    if (isWhite(c)) table[c] = -2;
    else if (c >= 0x30 && c <= 0x39) table[c] = c - 0x30;
    else if (c >= 0x41 && c <= 0x46) table[c] = c - 55;
    else if (c >= 0x61 && c <= 0x66) table[c] = c - 87;
  }
  return table;
})();

/**
 * The bytes of the hex digits in src[from, to) (white space skipped, an odd last digit padded with 0), or the offset
 * of the first character that is not a digit. A plain function over typed arrays: it stays optimised (a method with
 * property accesses after its loop was deoptimised after every major collection, and signature /Contents have
 * thousands of digits).
 */
export function decodeHexDigits(src: Uint8Array, from: number, to: number): Uint8Array | number {
  const out = new Uint8Array((to - from + 1) >> 1);
  let n = 0;
  let high = -1;
  for (let at = from; at < to; at++) {
    const v = HEX_VALUE[src[at]!]!;
    if (v >= 0) {
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    } else if (v === -1) return at;
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}
