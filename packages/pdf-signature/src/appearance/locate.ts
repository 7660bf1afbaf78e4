/**
 * Finds where a line of text (e.g. the signer's name) is drawn, to place the signature image between the
 * position line and the name line. A small content-stream interpreter: text state, q/Q/cm, simple fonts
 * (Latin-1-ish) and Type0 fonts with a ToUnicode CMap. Bounded (operator count) and never throws on odd content.
 */
import { pdfError } from '../errors.js';
import { concatBytes } from '../pdf/bytes.js';
import { PdfFile } from '../pdf/file.js';
import { decodeStream } from '../pdf/filters.js';
import { PdfArray, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../pdf/objects.js';
import { Parser } from '../pdf/parser.js';
import type { Rect } from '../sign/sign-pdf.js';

export interface TextLine {
  /** 0-based page index. */
  readonly page: number;
  readonly text: string;
  /** Start of the line and its baseline, in default user space. */
  readonly x: number;
  readonly y: number;
  /** Approximate right end of the line. */
  readonly right: number;
  readonly fontSize: number;
}

export type Matrix = [number, number, number, number, number, number];
export const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const MAX_OPS = 500_000;

function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const text = new TextDecoder('latin1').decode(data);
  const hex = (h: string): number => Number.parseInt(h, 16);
  const utf16 = (h: string): string => {
    let s = '';
    for (let i = 0; i + 3 < h.length; i += 4) s += String.fromCharCode(hex(h.slice(i, i + 4)));
    return s;
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(hex(m[1]!), utf16(m[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const lo = hex(m[1]!);
      const hi = Math.min(hex(m[2]!), lo + 65535);
      const base = hex(m[3]!);
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
    }
  }
  return map;
}

export interface FontInfo {
  twoByte: boolean;
  toUnicode?: Map<number, string>;
}

export async function fontInfo(file: PdfFile, font: PdfObject | undefined): Promise<FontInfo> {
  const d = await file.resolveDict(font);
  const info: FontInfo = { twoByte: d?.get('Subtype') instanceof PdfName && (d.get('Subtype') as PdfName).name === 'Type0' };
  const tu = await file.resolve(d?.get('ToUnicode'));
  if (tu instanceof PdfStream) {
    try {
      info.toUnicode = parseToUnicode(await decodeStream(tu));
    } catch {
      // unreadable CMap: fall back to Latin-1
    }
  }
  return info;
}

export function decodeText(bytes: Uint8Array, font: FontInfo | undefined): string {
  let out = '';
  if (font?.twoByte) {
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const code = (bytes[i]! << 8) | bytes[i + 1]!;
      out += font.toUnicode?.get(code) ?? '';
    }
    return out;
  }
  for (const b of bytes) out += font?.toUnicode?.get(b) ?? String.fromCharCode(b);
  return out;
}

/** Text lines of one page, in drawing order. */
export async function pageTextLines(file: PdfFile, pageIndex: number): Promise<TextLine[]> {
  const pages = await file.pages();
  const pageRef = pages[pageIndex];
  if (!pageRef) throw pdfError('LOCATE_PAGE', `Không có trang số ${pageIndex + 1}`, `There is no page ${pageIndex + 1}`);
  const page = (await file.resolveDict(pageRef))!;
  let resources = await file.resolveDict(page.get('Resources'));
  let parent = await file.resolveDict(page.get('Parent'));
  for (let i = 0; !resources && parent && i < 32; i++) {
    resources = await file.resolveDict(parent.get('Resources'));
    parent = await file.resolveDict(parent.get('Parent'));
  }
  const fontsDict = await file.resolveDict(resources?.get('Font'));
  const fonts = new Map<string, FontInfo>();
  for (const [k, v] of fontsDict?.map ?? []) fonts.set(k, await fontInfo(file, v));
  const contents = await file.resolve(page.get('Contents'));
  const streams: PdfObject[] = contents instanceof PdfArray ? [...contents] : [contents ?? null];
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    // A single /Contents stream arrives already resolved; an array holds references.
    const st = s instanceof PdfStream ? s : await file.resolve(s instanceof PdfRef ? s : null);
    if (st instanceof PdfStream) parts.push(await decodeStream(st), Uint8Array.of(0x0a));
  }
  const data = concatBytes(parts);
  const shows: { x: number; y: number; text: string; size: number; advance: number }[] = [];
  const p = new Parser(data);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  let size = 12;
  let leading = 0;
  let font: FontInfo | undefined;
  let operands: PdfObject[] = [];
  const show = (bytes: Uint8Array): void => {
    const m = mul(tm, ctm);
    const text = decodeText(bytes, font);
    const scale = Math.hypot(m[0], m[1]);
    const advance = text.length * size * 0.5 * (scale / Math.max(1e-6, Math.abs(size)) || 1);
    shows.push({ x: m[4], y: m[5], text, size: Math.abs(size * (Math.hypot(tm[2], tm[3]) || 1) * (Math.hypot(ctm[2], ctm[3]) || 1)), advance });
    tm = mul([1, 0, 0, 1, text.length * size * 0.5, 0], tm);
  };
  const nl = (): void => {
    tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
    tm = tlm;
  };
  for (let ops = 0; ops < MAX_OPS; ops++) {
    p.skipWhite();
    if (p.pos >= data.length) break;
    const c = data[p.pos]!;
    const isOperand = c === 0x2f || c === 0x28 || c === 0x3c || c === 0x5b || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39);
    try {
      if (isOperand) {
        operands.push(p.parseObject());
        continue;
      }
      const op = p.token();
      if (op === '') {
        p.pos++;
        continue;
      }
      if (op === 'BI') {
        const at = data.indexOf(0x45, p.pos); // skip inline image up to "EI"
        p.pos = at < 0 ? data.length : at;
        while (p.pos < data.length && !(data[p.pos] === 0x45 && data[p.pos + 1] === 0x49)) p.pos++;
        p.pos += 2;
      }
      const n = operands.map((o) => (typeof o === 'number' ? o : 0));
      if (op === 'q') stack.push(ctm);
      else if (op === 'Q') ctm = stack.pop() ?? ctm;
      else if (op === 'cm' && n.length >= 6) ctm = mul(n.slice(-6) as Matrix, ctm);
      else if (op === 'BT') tm = tlm = [1, 0, 0, 1, 0, 0];
      else if (op === 'Tf') {
        const f = operands.at(-2);
        font = f instanceof PdfName ? fonts.get(f.name) : undefined;
        size = n.at(-1) ?? size;
      } else if (op === 'TL') leading = n.at(-1) ?? leading;
      else if (op === 'Td' || op === 'TD') {
        if (op === 'TD') leading = -(n.at(-1) ?? 0);
        tlm = mul([1, 0, 0, 1, n.at(-2) ?? 0, n.at(-1) ?? 0], tlm);
        tm = tlm;
      } else if (op === 'Tm' && n.length >= 6) tm = tlm = n.slice(-6) as Matrix;
      else if (op === 'T*') nl();
      else if (op === 'Tj' || op === "'" || op === '"') {
        if (op !== 'Tj') nl();
        const s = operands.at(-1);
        if (s instanceof PdfString) show(s.bytes);
      } else if (op === 'TJ') {
        const a = operands.at(-1);
        if (a instanceof PdfArray) show(concatBytes(a.filter((x): x is PdfString => x instanceof PdfString).map((x) => x.bytes)));
      }
    } catch {
      p.pos++;
    }
    operands = [];
  }
  // Group consecutive shows on the same baseline into lines.
  const lines: TextLine[] = [];
  for (const s of shows) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - s.y) < Math.max(1, s.size * 0.3)) {
      lines[lines.length - 1] = { ...last, text: last.text + s.text, right: Math.max(last.right, s.x + s.advance), x: Math.min(last.x, s.x) };
    } else lines.push({ page: pageIndex, text: s.text, x: s.x, y: s.y, right: s.x + s.advance, fontSize: s.size });
  }
  return lines;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** The first line (on any page, or on `page`) whose text contains `text` (case- and space-insensitive, NFC). */
export async function findTextLine(pdf: Uint8Array, text: string, options: { page?: number } = {}): Promise<TextLine | undefined> {
  const file = await PdfFile.open(pdf);
  const count = (await file.pages()).length;
  const want = fold(text);
  for (let i = options.page ?? 0; i < (options.page === undefined ? count : options.page + 1); i++) {
    const hit = (await pageTextLines(file, i)).find((l) => fold(l.text).includes(want));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The box for the signer's image: above the name line (between the position line and the name, Nghị định 30
 * box 7c), centred on the name, `height` points tall (default 60 ≈ 21 mm) and at least `width` wide (default 140).
 */
export async function locateSignerBox(
  pdf: Uint8Array,
  signerName: string,
  options: { height?: number; width?: number; page?: number } = {},
): Promise<{ page: number; rect: Rect }> {
  const line = await findTextLine(pdf, signerName, options);
  if (!line) {
    throw pdfError('LOCATE_NOT_FOUND', `Không tìm thấy dòng "${signerName}" trong tài liệu`, `The line "${signerName}" was not found in the document`);
  }
  const height = options.height ?? 60;
  const width = Math.max(options.width ?? 140, line.right - line.x);
  const cx = (line.x + line.right) / 2;
  const bottom = line.y + line.fontSize * 1.1;
  return { page: line.page, rect: [cx - width / 2, bottom, cx + width / 2, bottom + height] };
}

