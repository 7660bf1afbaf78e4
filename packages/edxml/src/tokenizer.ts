// A small, strict, streaming XML tokenizer over UTF-8 bytes. It knows only what an edXML package needs: elements,
// attributes, text, CDATA, comments and processing instructions. A DOCTYPE is refused outright, so no DTD, no entity
// definition, no external reference can ever be processed. Text is handed over as byte ranges, so that a large
// base64 text node is never turned into one JavaScript string. Every limit is checked as the bytes arrive.
import { EdxmlFatal } from './issues.js';

/** Safety limits, all checked while reading. */
export interface XmlLimits {
  /** Deepest element nesting (default 64). */
  maxDepth: number;
  /** Element count (default 200 000). */
  maxElements: number;
  /** Attributes on one element (default 64). */
  maxAttributes: number;
  /** Bytes in one attribute value (default 64 KiB). */
  maxAttributeLength: number;
  /** Bytes of text in one element other than attachment content (default 1 MiB). */
  maxTextLength: number;
  /** Bytes in one tag, comment, CDATA section or processing instruction (default 4 MiB). */
  maxTokenLength: number;
  /** Bytes in a name (default 256). */
  maxNameLength: number;
  /** Bytes of input in all (default 1 GiB). */
  maxTotalBytes: number;
}

export const defaultLimits: XmlLimits = {
  maxDepth: 64,
  maxElements: 200_000,
  maxAttributes: 64,
  maxAttributeLength: 65_536,
  maxTextLength: 1_048_576,
  maxTokenLength: 4_194_304,
  maxNameLength: 256,
  maxTotalBytes: 1_073_741_824,
};

const limitNames: Record<keyof XmlLimits, [string, string]> = {
  maxDepth: ['element nesting depth', 'độ sâu lồng phần tử'],
  maxElements: ['element count', 'số phần tử'],
  maxAttributes: ['attributes on one element', 'số thuộc tính của một phần tử'],
  maxAttributeLength: ['attribute value length (bytes)', 'độ dài giá trị thuộc tính (byte)'],
  maxTextLength: ['text length in one element (bytes)', 'độ dài văn bản trong một phần tử (byte)'],
  maxTokenLength: ['length of one tag, comment or CDATA section (bytes)', 'độ dài một thẻ, chú thích hoặc CDATA (byte)'],
  maxNameLength: ['name length (bytes)', 'độ dài tên (byte)'],
  maxTotalBytes: ['total input size (bytes)', 'tổng kích thước dữ liệu (byte)'],
};

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface TokenSink {
  open(qname: string, attrs: Array<[string, string]>, selfClosing: boolean, at: Position): void;
  /** `closeAt`: offset of `</` (or of `/>`); `endAt`: offset just after the element. */
  close(qname: string, closeAt: number, endAt: number): void;
  /**
   * Raw character data (entity references not yet resolved). The range is valid only during the call; `offset` is the
   * absolute byte offset of `buf[start]` in the input.
   */
  text(buf: Uint8Array, start: number, end: number, offset: number): void;
  cdata(buf: Uint8Array, start: number, end: number): void;
}

export interface TokenizerContext {
  /** Element path at the current position, for error locations. */
  path(): string;
  /** A deviation the tokenizer recovered from (reported as a warning). */
  warn?(code: 'EDXML_BYTES_BEFORE_PROLOG', params: Record<string, string | number>, at: Position): void;
}

/** Bytes other than whitespace that may come before the prolog and still be skipped (BOMs, stray characters). */
const MAX_PROLOG_JUNK = 1024;

const LT = 0x3c;
const GT = 0x3e;
const NL = 0x0a;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isNameStart(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || b === 0x3a || b >= 0x80;
}
function isNameChar(b: number): boolean {
  return isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e;
}
function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

const INCOMPLETE = -1;

export class Tokenizer {
  private buf: Uint8Array = new Uint8Array(0);
  /** Absolute offset of buf[0]. */
  private base = 0;
  private total = 0;
  private stack: string[] = [];
  private elements = 0;
  private rootSeen = false;
  private rootClosed = false;
  private started = false;
  /** Still before the first markup: leading bytes are skipped (and reported) rather than refused. */
  private inProlog = true;
  private junk: { whitespace: number; bom: number; other: number; at: Position | undefined } = { whitespace: 0, bom: 0, other: 0, at: undefined };
  /** Offset of the first markup, where an XML declaration may stand. */
  private prologAt = 0;
  // position tracking (absolute offsets)
  private line = 1;
  private lineStart = 0;
  private scanned = 0;
  private nextNl = -1; // absolute position of the next newline at or after `scanned`, or -1 if unknown
  private colAt = 0;
  private colChars = 0;

  constructor(
    private readonly sink: TokenSink,
    private readonly limits: XmlLimits,
    private readonly ctx: TokenizerContext,
  ) {}

  fatal(code: ConstructorParameters<typeof EdxmlFatal>[0], params: Record<string, string | number>, abs?: number): never {
    const at = this.position(abs ?? this.base);
    throw new EdxmlFatal(code, params, { ...at, path: this.ctx.path() });
  }

  private limit(name: keyof XmlLimits, abs?: number): never {
    const [en, vi] = limitNames[name];
    this.fatal('XML_LIMIT', { limit: en, limitVi: vi, max: this.limits[name], name }, abs);
  }

  private malformed(detail: string, detailVi: string, abs?: number): never {
    this.fatal('XML_MALFORMED', { detail, detailVi }, abs);
  }

  /** Line and column (1-based, column in characters) of an absolute offset inside the current buffer. */
  position(abs: number): Position {
    const buf = this.buf;
    const base = this.base;
    abs = Math.max(Math.min(abs, base + buf.length), this.scanned);
    // advance line counting
    let p = this.scanned;
    for (;;) {
      if (this.nextNl < p) {
        const n = buf.indexOf(NL, p - base);
        this.nextNl = n === -1 ? Number.MAX_SAFE_INTEGER : n + base;
      }
      if (this.nextNl >= abs) break;
      this.line++;
      this.lineStart = this.nextNl + 1;
      p = this.lineStart;
      this.nextNl = -1;
    }
    this.scanned = abs;
    if (this.colAt < this.lineStart) {
      this.colAt = this.lineStart;
      this.colChars = 0;
    }
    let chars = this.colChars;
    for (let i = Math.max(this.colAt, base) - base, end = abs - base; i < end; i++) {
      if (((buf[i] as number) & 0xc0) !== 0x80) chars++;
    }
    this.colAt = abs;
    this.colChars = chars;
    return { line: this.line, column: chars + 1, offset: abs };
  }

  write(chunk: Uint8Array): void {
    this.total += chunk.length;
    if (this.total > this.limits.maxTotalBytes) this.limit('maxTotalBytes', this.base + this.buf.length);
    if (this.buf.length === 0) {
      this.buf = chunk;
    } else {
      const joined = new Uint8Array(this.buf.length + chunk.length);
      joined.set(this.buf, 0);
      joined.set(chunk, this.buf.length);
      this.buf = joined;
    }
    if (this.nextNl === Number.MAX_SAFE_INTEGER) this.nextNl = -1;
    const used = this.run(false);
    this.drop(used);
  }

  end(): void {
    this.run(true);
    if (!this.rootSeen && this.junk.other > 0) {
      throw new EdxmlFatal('XML_CONTENT_OUTSIDE_ROOT', {}, { ...(this.junk.at as Position), path: '/' });
    }
    if (!this.rootSeen) this.fatal('XML_EMPTY', {}, this.base + this.buf.length);
    if (this.stack.length > 0) {
      this.fatal('XML_UNCLOSED', { name: this.stack[this.stack.length - 1] as string }, this.base + this.buf.length);
    }
  }

  private drop(used: number): void {
    if (used === 0) return;
    // keep line/column counters valid for the bytes we are about to discard
    this.position(this.base + used);
    this.buf = used >= this.buf.length ? new Uint8Array(0) : this.buf.subarray(used);
    this.base += used;
    if (this.nextNl !== -1 && this.nextNl < this.base) this.nextNl = -1;
  }

  /** Tokenizes as far as possible; returns how many bytes of buf were consumed. */
  private run(final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    let i = 0;
    if (!this.started) {
      if (len < 3 && !final) return 0;
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
      else if ((buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0xff && buf[1] === 0xfe)) {
        this.fatal('XML_ENCODING_UNSUPPORTED', { encoding: 'UTF-16' }, this.base);
      }
      this.prologAt = this.base + i;
    }
    if (this.inProlog) {
      const r = this.skipProlog(buf, i, final);
      if (r === INCOMPLETE) return len;
      if (r < 0) return -r - 2;
      i = r;
    }
    while (i < len) {
      if (buf[i] !== LT) {
        const lt = buf.indexOf(LT, i);
        const end = lt === -1 ? len : lt;
        this.emitText(buf, i, end);
        i = end;
        continue;
      }
      const next = this.markup(buf, i, final);
      if (next === INCOMPLETE) {
        if (final) this.malformed('unterminated markup', 'thẻ chưa kết thúc', this.base + i);
        if (len - i > this.limits.maxTokenLength) this.limit('maxTokenLength', this.base + i);
        return i;
      }
      i = next;
    }
    return i;
  }

  /**
   * Skips what comes before the first markup: whitespace (legal before a root without an XML declaration), extra
   * byte order marks and a few stray bytes (seen in packages from systems on the axis). Anything but plain whitespace
   * before a root element, or whitespace before `<?xml`, is reported. Returns the index of the first `<`,
   * INCOMPLETE when the whole buffer was consumed, or `-(k + 2)` when it must wait for more bytes at index k.
   */
  private skipProlog(buf: Uint8Array, i: number, final: boolean): number {
    const len = buf.length;
    const j = this.junk;
    while (i < len && buf[i] !== LT) {
      j.at ??= this.position(this.base + i);
      const b = buf[i] as number;
      if (isSpace(b)) {
        j.whitespace++;
        i++;
      } else if (b === 0xef && (i + 2 >= len ? !final : buf[i + 1] === 0xbb && buf[i + 2] === 0xbf)) {
        if (i + 2 >= len) return -(i + 2);
        j.bom += 3;
        i += 3;
      } else {
        j.other++;
        i++;
        if (j.other + j.bom > MAX_PROLOG_JUNK) this.fatal('XML_CONTENT_OUTSIDE_ROOT', {}, this.base + i - 1);
      }
    }
    if (i >= len) return INCOMPLETE;
    // at '<': is it an XML declaration?
    const decl = this.startsWith(buf, i, '<?xml');
    if (decl === undefined && !final) return -(i + 2);
    this.inProlog = false;
    this.prologAt = this.base + i;
    const skipped = j.whitespace + j.bom + j.other;
    if (skipped > 0 && (j.bom > 0 || j.other > 0 || decl === true)) {
      const kinds: Array<[string, string]> = [];
      if (j.bom > 0) kinds.push(['byte order mark', 'dấu BOM']);
      if (j.whitespace > 0) kinds.push(['whitespace', 'khoảng trắng']);
      if (j.other > 0) kinds.push(['other bytes', 'byte lạ']);
      this.ctx.warn?.(
        'EDXML_BYTES_BEFORE_PROLOG',
        { bytes: skipped, kind: kinds.map((k) => k[0]).join(', '), kindVi: kinds.map((k) => k[1]).join(', ') },
        j.at ?? this.position(this.base + i),
      );
    }
    return i;
  }

  private emitText(buf: Uint8Array, start: number, end: number): void {
    if (this.stack.length === 0) {
      for (let k = start; k < end; k++) {
        if (!isSpace(buf[k] as number)) this.fatal('XML_CONTENT_OUTSIDE_ROOT', {}, this.base + k);
      }
      return;
    }
    this.sink.text(buf, start, end, this.base + start);
  }

  private findSeq(buf: Uint8Array, from: number, a: number, b: number, c?: number): number {
    let k = from;
    for (;;) {
      const j = buf.indexOf(a, k);
      if (j === -1) return -1;
      if (c === undefined) {
        if (j + 1 >= buf.length) return -1;
        if (buf[j + 1] === b) return j;
      } else {
        if (j + 2 >= buf.length) return -1;
        if (buf[j + 1] === b && buf[j + 2] === c) return j;
      }
      k = j + 1;
    }
  }

  private startsWith(buf: Uint8Array, i: number, s: string): boolean | undefined {
    for (let k = 0; k < s.length; k++) {
      if (i + k >= buf.length) return undefined;
      if (buf[i + k] !== s.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Handles the markup starting at buf[i] === '<'. Returns the index after it, or INCOMPLETE. */
  private markup(buf: Uint8Array, i: number, final: boolean): number {
    if (i + 1 >= buf.length) return INCOMPLETE;
    const c = buf[i + 1] as number;
    if (c === 0x3f) return this.processingInstruction(buf, i);
    if (c === 0x21) {
      const comment = this.startsWith(buf, i, '<!--');
      if (comment === undefined) return INCOMPLETE;
      if (comment) {
        const e = this.findSeq(buf, i + 4, 0x2d, 0x2d, GT);
        return e === -1 ? INCOMPLETE : e + 3;
      }
      const cdata = this.startsWith(buf, i, '<![CDATA[');
      if (cdata === undefined) return INCOMPLETE;
      if (cdata) {
        if (this.stack.length === 0) this.fatal('XML_CONTENT_OUTSIDE_ROOT', {}, this.base + i);
        const e = this.findSeq(buf, i + 9, 0x5d, 0x5d, GT);
        if (e === -1) return INCOMPLETE;
        this.sink.cdata(buf, i + 9, e);
        return e + 3;
      }
      const doctype = this.startsWith(buf, i, '<!DOCTYPE');
      if (doctype === undefined && !final) return INCOMPLETE;
      if (doctype) this.fatal('XML_DOCTYPE_FORBIDDEN', {}, this.base + i);
      // <!ENTITY, <!ELEMENT ... outside a DOCTYPE are just as forbidden
      if (this.startsWith(buf, i, '<!ENTITY') || this.startsWith(buf, i, '<!ELEMENT')) {
        this.fatal('XML_DOCTYPE_FORBIDDEN', {}, this.base + i);
      }
      this.malformed('unexpected "<!"', 'gặp "<!" không hợp lệ', this.base + i);
    }
    if (c === 0x2f) return this.endTag(buf, i);
    return this.startTag(buf, i);
  }

  private processingInstruction(buf: Uint8Array, i: number): number {
    const e = this.findSeq(buf, i + 2, 0x3f, GT);
    if (e === -1) return INCOMPLETE;
    const body = this.decode(buf, i + 2, e, this.base + i);
    const target = /^[^\s]*/.exec(body)?.[0] ?? '';
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.base + i > this.prologAt || this.rootSeen) {
        this.malformed('XML declaration not at the start', 'khai báo XML không nằm ở đầu tệp', this.base + i);
      }
      const enc = /encoding\s*=\s*["']([^"']*)["']/.exec(body)?.[1];
      if (enc !== undefined && !/^utf-?8$/i.test(enc)) {
        this.fatal('XML_ENCODING_UNSUPPORTED', { encoding: enc }, this.base + i);
      }
    } else if (target === '') {
      this.malformed('processing instruction without a target', 'chỉ thị xử lý không có tên', this.base + i);
    }
    return e + 2;
  }

  private name(buf: Uint8Array, i: number): number {
    if (i >= buf.length) return INCOMPLETE;
    if (!isNameStart(buf[i] as number)) {
      this.malformed('a name was expected', 'cần một tên', this.base + i);
    }
    let k = i + 1;
    while (k < buf.length && isNameChar(buf[k] as number)) k++;
    if (k - i > this.limits.maxNameLength) this.limit('maxNameLength', this.base + i);
    if (k >= buf.length) return INCOMPLETE;
    return k;
  }

  private decode(buf: Uint8Array, start: number, end: number, abs: number): string {
    let ascii = true;
    for (let k = start; k < end; k++) {
      if ((buf[k] as number) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      if (end - start < 64) {
        let s = '';
        for (let k = start; k < end; k++) s += String.fromCharCode(buf[k] as number);
        return s;
      }
      return latin1.decode(buf.subarray(start, end));
    }
    try {
      return utf8.decode(buf.subarray(start, end));
    } catch {
      this.fatal('XML_INVALID_UTF8', {}, abs);
    }
  }

  private startTag(buf: Uint8Array, i: number): number {
    if (this.rootClosed) this.fatal('XML_CONTENT_OUTSIDE_ROOT', {}, this.base + i);
    let k = this.name(buf, i + 1);
    if (k === INCOMPLETE) return INCOMPLETE;
    const qname = this.decode(buf, i + 1, k, this.base + i);
    const attrs: Array<[string, string]> = [];
    for (;;) {
      const ws = k;
      while (k < buf.length && isSpace(buf[k] as number)) k++;
      if (k >= buf.length) return INCOMPLETE;
      const b = buf[k] as number;
      if (b === GT || b === 0x2f) {
        let selfClosing = false;
        if (b === 0x2f) {
          if (k + 1 >= buf.length) return INCOMPLETE;
          if (buf[k + 1] !== GT) this.malformed('"/" must be followed by ">"', 'sau "/" phải là ">"', this.base + k);
          selfClosing = true;
          k++;
        }
        this.openElement(qname, attrs, selfClosing, i, this.base + k + 1);
        return k + 1;
      }
      if (k === ws) this.malformed('whitespace expected before an attribute', 'cần khoảng trắng trước thuộc tính', this.base + k);
      const nameStart = k;
      k = this.name(buf, k);
      if (k === INCOMPLETE) return INCOMPLETE;
      const attrName = this.decode(buf, nameStart, k, this.base + nameStart);
      while (k < buf.length && isSpace(buf[k] as number)) k++;
      if (k >= buf.length) return INCOMPLETE;
      if (buf[k] !== 0x3d) this.malformed(`"=" expected after attribute ${attrName}`, `cần "=" sau thuộc tính ${attrName}`, this.base + k);
      k++;
      while (k < buf.length && isSpace(buf[k] as number)) k++;
      if (k >= buf.length) return INCOMPLETE;
      const q = buf[k] as number;
      if (q !== 0x22 && q !== 0x27) this.malformed('attribute value must be quoted', 'giá trị thuộc tính phải nằm trong dấu nháy', this.base + k);
      const close = buf.indexOf(q, k + 1);
      if (close === -1) {
        if (buf.length - k > this.limits.maxAttributeLength) this.limit('maxAttributeLength', this.base + k);
        return INCOMPLETE;
      }
      if (close - k - 1 > this.limits.maxAttributeLength) this.limit('maxAttributeLength', this.base + k);
      const lt = buf.indexOf(LT, k + 1);
      if (lt !== -1 && lt < close) this.malformed('"<" inside an attribute value', 'có "<" trong giá trị thuộc tính', this.base + lt);
      const raw = this.decode(buf, k + 1, close, this.base + k);
      const value = resolveEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '), (entity) =>
        this.fatal('XML_ENTITY_UNKNOWN', { entity }, this.base + k),
      );
      checkChars(value, (char) => this.fatal('XML_INVALID_CHAR', { char }, this.base + k));
      for (const [n] of attrs) if (n === attrName) this.fatal('XML_DUPLICATE_ATTRIBUTE', { name: attrName }, this.base + nameStart);
      attrs.push([attrName, value]);
      if (attrs.length > this.limits.maxAttributes) this.limit('maxAttributes', this.base + nameStart);
      k = close + 1;
    }
  }

  private openElement(qname: string, attrs: Array<[string, string]>, selfClosing: boolean, i: number, endAt: number): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fatal('XML_CONTENT_OUTSIDE_ROOT', {}, this.base + i);
      this.rootSeen = true;
    }
    if (++this.elements > this.limits.maxElements) this.limit('maxElements', this.base + i);
    if (this.stack.length + 1 > this.limits.maxDepth) this.limit('maxDepth', this.base + i);
    const at = this.position(this.base + i);
    this.stack.push(qname);
    this.sink.open(qname, attrs, selfClosing, at);
    if (selfClosing) this.closeElement(qname, endAt - 2, endAt);
  }

  private closeElement(qname: string, closeAt: number, endAt: number): void {
    this.sink.close(qname, closeAt, endAt);
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
  }

  private endTag(buf: Uint8Array, i: number): number {
    let k = this.name(buf, i + 2);
    if (k === INCOMPLETE) return INCOMPLETE;
    const qname = this.decode(buf, i + 2, k, this.base + i);
    while (k < buf.length && isSpace(buf[k] as number)) k++;
    if (k >= buf.length) return INCOMPLETE;
    if (buf[k] !== GT) this.malformed('">" expected to end the closing tag', 'cần ">" để kết thúc thẻ đóng', this.base + k);
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) this.fatal('XML_CONTENT_OUTSIDE_ROOT', {}, this.base + i);
    if (open !== qname) this.fatal('XML_TAG_MISMATCH', { found: qname, expected: open }, this.base + i);
    this.position(this.base + i);
    this.closeElement(qname, this.base + i, this.base + k + 1);
    return k + 1;
  }
}

const latin1 = new TextDecoder('latin1');

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the five predefined entities and character references; anything else is refused via `onUnknown`. */
export function resolveEntities(s: string, onUnknown: (entity: string) => never): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]{0,32});|&/g, (m, body: string | undefined) => {
    if (body === undefined) onUnknown('');
    const named = predefined[body];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) code = parseInt(body.slice(2), 16);
    else if (/^#[0-9]{1,7}$/.test(body)) code = parseInt(body.slice(1), 10);
    if (!isXmlChar(code)) onUnknown(body);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

// eslint-disable-next-line no-control-regex
const forbiddenChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Refuses characters that XML 1.0 does not allow. */
export function checkChars(s: string, onBad: (char: string) => never): void {
  const m = forbiddenChars.exec(s);
  if (m) onBad(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
}
