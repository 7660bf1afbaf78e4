/**
 * What a page or a form XObject (a signature's appearance) draws: images (where, how many pixels, colour space,
 * soft mask, dominant ink colour) and text (font, size and extent on the page, fill colour, the text through
 * ToUnicode). A bounded content-stream interpreter (q/Q/cm, colour operators, text state, Do with nested form
 * XObjects) used to place signatures by the signer's name line and by the Nghị định 30 checks; it never throws
 * on odd content.
 */
import { concatBytes } from './bytes.js';
import type { PdfFile } from './file.js';
import { decodeStream } from './filters.js';
import { PdfArray, PdfName, PdfRef, PdfStream, PdfString, isName, type PdfDict, type PdfObject } from './objects.js';
import { Parser } from './parser.js';
import type { Rect } from '../sign/sign-pdf.js';

export type Matrix = [number, number, number, number, number, number];
export const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

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
  /** Glyph widths by character code, in 1/1000 of the font size (/Widths of simple fonts, /W of CID fonts). */
  widths?: Map<number, number>;
  /** Width of codes the font does not list (CID /DW, else half an em as an estimate). */
  defaultWidth: number;
}

const MAX_WIDTH_ENTRIES = 65_536;

/** A CID font's /W array: `c [w1 w2 …]` and `cFirst cLast w` runs. */
function cidWidths(w: readonly PdfObject[], out: Map<number, number>): void {
  for (let i = 0; i < w.length && out.size < MAX_WIDTH_ENTRIES; ) {
    const first = w[i];
    const next = w[i + 1];
    if (typeof first !== 'number') return;
    if (next instanceof PdfArray) {
      next.forEach((v, k) => {
        if (typeof v === 'number') out.set(first + k, v);
      });
      i += 2;
    } else {
      const last = next;
      const width = w[i + 2];
      if (typeof last !== 'number' || typeof width !== 'number') return;
      for (let c = first; c <= Math.min(last, first + MAX_WIDTH_ENTRIES); c++) out.set(c, width);
      i += 3;
    }
  }
}

export async function fontInfo(file: PdfFile, font: PdfObject | undefined): Promise<FontInfo> {
  const d = await file.resolveDict(font);
  const info: FontInfo = { twoByte: d?.get('Subtype') instanceof PdfName && (d.get('Subtype') as PdfName).name === 'Type0', defaultWidth: 500 };
  try {
    if (info.twoByte) {
      const cid = await file.resolveDict((await file.resolveArray(d?.get('DescendantFonts')))?.[0]);
      const dw = cid?.get('DW');
      info.defaultWidth = typeof dw === 'number' ? dw : 1000;
      const w = await file.resolveArray(cid?.get('W'));
      if (w) {
        const items: PdfObject[] = [];
        for (const v of w) items.push(v instanceof PdfRef ? ((await file.resolve(v)) ?? null) : v);
        info.widths = new Map();
        cidWidths(items, info.widths);
      }
    } else {
      const first = d?.get('FirstChar');
      const widths = await file.resolveArray(d?.get('Widths'));
      if (typeof first === 'number' && widths) {
        info.widths = new Map();
        widths.forEach((v, k) => {
          if (typeof v === 'number') info.widths!.set(first + k, v);
        });
      }
    }
  } catch {
    // unreadable widths: half an em per character
  }
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

/** The advance of a shown string in 1/1000 of the font size (glyph widths; no character or word spacing). */
export function textAdvance(bytes: Uint8Array, font: FontInfo | undefined): number {
  let total = 0;
  const width = (code: number): number => font?.widths?.get(code) ?? font?.defaultWidth ?? 500;
  if (font?.twoByte) for (let i = 0; i + 1 < bytes.length; i += 2) total += width((bytes[i]! << 8) | bytes[i + 1]!);
  else for (const b of bytes) total += width(b);
  return total;
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


const MAX_OPS = 500_000;
const MAX_DEPTH = 8;
/** Images larger than this are not decoded for their colour (scans are judged by their colour space). */
const MAX_DECODED_PIXELS = 4_000_000;

export type InkColour = 'blue' | 'red' | 'black' | 'other' | 'unknown';

export interface DrawnImage {
  /** Where the image lies on the page (default user space). */
  readonly rect: Rect;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** Colour components of the samples (1 grey, 3 RGB, 4 CMYK; 0 when unknown). */
  readonly components: number;
  readonly bitsPerComponent: number;
  readonly filter: string | undefined;
  /** A soft mask or a colour-key / stencil mask. */
  readonly masked: boolean;
  /** Share of fully transparent pixels (soft mask value 0), when the mask could be read. */
  readonly transparentShare: number | undefined;
  /** The colour of the ink (the opaque, non-white pixels), when the samples could be read. */
  readonly ink: InkColour;
  readonly meanInk: readonly [number, number, number] | undefined;
  /** The image XObject itself (to re-embed a scan). */
  readonly source?: PdfStream;
  /** The transformation it is drawn with (image space → page). */
  readonly matrix?: Matrix;
}

export interface DrawnText {
  readonly text: string;
  /** BaseFont of the font, subset prefix removed. */
  readonly font: string;
  /** Font size on the page, in points. */
  readonly size: number;
  /** Fill colour as RGB 0–1 (grey and CMYK converted); undefined for pattern or unknown colour spaces. */
  readonly fill: readonly [number, number, number] | undefined;
  /** Baseline start on the page. */
  readonly x: number;
  readonly y: number;
  /** How far the text reaches along the baseline, on the page (from the glyph widths). */
  readonly advance: number;
}

export interface Drawing {
  readonly images: DrawnImage[];
  readonly texts: DrawnText[];
}

function toRect(m: Matrix): Rect {
  const xs = [m[4], m[4] + m[0], m[4] + m[2], m[4] + m[0] + m[2]];
  const ys = [m[5], m[5] + m[1], m[5] + m[3], m[5] + m[1] + m[3]];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function componentsOf(cs: PdfObject | undefined, resolved: PdfArray | undefined): number {
  if (cs instanceof PdfName) return { DeviceGray: 1, G: 1, DeviceRGB: 3, RGB: 3, DeviceCMYK: 4, CMYK: 4, CalRGB: 3, CalGray: 1 }[cs.name] ?? 0;
  const kind = resolved?.[0];
  if (isName(kind, 'ICCBased')) return -1; // resolved by the caller (/N)
  if (isName(kind, 'Indexed')) return 3;
  if (isName(kind, 'CalRGB') || isName(kind, 'Lab')) return 3;
  if (isName(kind, 'CalGray')) return 1;
  return 0;
}

/** SOF of a JPEG: the number of components (1 grey, 3 colour, 4 CMYK), 0 if not found. */
export function jpegComponents(data: Uint8Array): number {
  for (let i = 2; i + 9 < data.length; ) {
    if (data[i] !== 0xff) return 0;
    const marker = data[i + 1]!;
    const len = (data[i + 2]! << 8) | data[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return data[i + 9]!;
    i += 2 + len;
  }
  return 0;
}

function classifyInk(r: number, g: number, b: number): InkColour {
  if (b >= r + 40 && b >= g + 20) return 'blue';
  if (r >= g + 60 && r >= b + 60) return 'red';
  if (Math.max(r, g, b) < 90 && Math.max(r, g, b) - Math.min(r, g, b) < 40) return 'black';
  return 'other';
}

async function readImage(file: PdfFile, stream: PdfStream, m: Matrix): Promise<DrawnImage> {
  const d = stream.dict;
  const num = (k: string): number => {
    const v = d.get(k);
    return typeof v === 'number' ? v : 0;
  };
  const width = num('Width');
  const height = num('Height');
  const bpc = d.get('ImageMask') === true ? 1 : num('BitsPerComponent');
  const filterObj = d.get('Filter');
  const filterName = filterObj instanceof PdfName ? filterObj.name : filterObj instanceof PdfArray && filterObj.at(-1) instanceof PdfName ? (filterObj.at(-1) as PdfName).name : undefined;
  const csObj = await file.resolve(d.get('ColorSpace'));
  const csArr = csObj instanceof PdfArray ? csObj : undefined;
  let components = componentsOf(csObj, csArr);
  if (components === -1) {
    const icc = await file.resolve(csArr?.[1]);
    const n = icc instanceof PdfStream ? icc.dict.get('N') : undefined;
    components = typeof n === 'number' ? n : 0;
  }
  if (filterName === 'DCTDecode' || filterName === 'DCT') components = jpegComponents(stream.data) || components;
  const smask = await file.resolve(d.get('SMask'));
  const masked = smask instanceof PdfStream || d.has('Mask') || d.get('ImageMask') === true;
  let alpha: Uint8Array | undefined;
  let transparentShare: number | undefined;
  if (smask instanceof PdfStream && width * height <= MAX_DECODED_PIXELS) {
    try {
      const a = await decodeStream(smask);
      const sw = typeof smask.dict.get('Width') === 'number' ? (smask.dict.get('Width') as number) : width;
      const sh = typeof smask.dict.get('Height') === 'number' ? (smask.dict.get('Height') as number) : height;
      if (smask.dict.get('BitsPerComponent') === 8 && a.length >= sw * sh) {
        let zero = 0;
        for (let i = 0; i < sw * sh; i++) if (a[i] === 0) zero++;
        transparentShare = zero / (sw * sh);
        if (sw === width && sh === height) alpha = a;
      }
    } catch {
      // unreadable mask: share unknown
    }
  }
  let ink: InkColour = 'unknown';
  let meanInk: [number, number, number] | undefined;
  const rawFilter = filterName === undefined || filterName === 'FlateDecode' || filterName === 'Fl';
  if (rawFilter && bpc === 8 && (components === 3 || components === 1) && width * height <= MAX_DECODED_PIXELS) {
    try {
      const px = filterName ? await decodeStream(stream) : stream.data;
      let sum = [0, 0, 0];
      let count = 0;
      for (let i = 0; i < width * height; i++) {
        if (alpha && alpha[i]! < 128) continue;
        const r = px[i * components]!;
        const g = components === 3 ? px[i * 3 + 1]! : r;
        const b = components === 3 ? px[i * 3 + 2]! : r;
        if (Math.min(r, g, b) > 215) continue; // paper white
        sum = [sum[0]! + r, sum[1]! + g, sum[2]! + b];
        count++;
      }
      if (count > 0) {
        meanInk = [sum[0]! / count, sum[1]! / count, sum[2]! / count];
        ink = classifyInk(...meanInk);
      }
    } catch {
      // unreadable samples: colour unknown
    }
  }
  return {
    rect: toRect(m),
    pixelWidth: width,
    pixelHeight: height,
    components,
    bitsPerComponent: bpc,
    filter: filterName,
    masked,
    transparentShare,
    ink,
    meanInk,
    source: stream,
    matrix: m,
  };
}

function cmykToRgb(c: number, m: number, y: number, k: number): [number, number, number] {
  return [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)];
}

function fillFrom(values: number[]): [number, number, number] | undefined {
  if (values.length === 1) return [values[0]!, values[0]!, values[0]!];
  if (values.length === 3) return [values[0]!, values[1]!, values[2]!];
  if (values.length === 4) return cmykToRgb(values[0]!, values[1]!, values[2]!, values[3]!);
  return undefined;
}

interface State {
  ctm: Matrix;
  fill: [number, number, number] | undefined;
}

/** Interprets a content stream with its resources; images and text go into `out`. */
async function interpret(file: PdfFile, data: Uint8Array, resources: PdfDict | undefined, start: Matrix, out: Drawing, depth: number, seen: Set<string>): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const fontsDict = await file.resolveDict(resources?.get('Font'));
  const xobjects = await file.resolveDict(resources?.get('XObject'));
  const fonts = new Map<string, { info: FontInfo; base: string }>();
  const fontOf = async (key: string): Promise<{ info: FontInfo; base: string } | undefined> => {
    if (fonts.has(key)) return fonts.get(key);
    const ref = fontsDict?.get(key);
    if (ref === undefined) return undefined;
    const fd = await file.resolveDict(ref);
    const base = fd?.get('BaseFont');
    const entry = { info: await fontInfo(file, ref), base: base instanceof PdfName ? base.name.replace(/^[A-Z]{6}\+/, '') : '' };
    fonts.set(key, entry);
    return entry;
  };
  const p = new Parser(data);
  let st: State = { ctm: start, fill: [0, 0, 0] };
  const stack: State[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  let size = 12;
  let leading = 0;
  let font: { info: FontInfo; base: string } | undefined;
  let operands: PdfObject[] = [];
  const show = (bytes: Uint8Array): void => {
    const trm = mul(tm, st.ctm);
    const text = decodeText(bytes, font?.info);
    const advance = (textAdvance(bytes, font?.info) / 1000) * size;
    out.texts.push({ text, font: font?.base ?? '', size: Math.abs(size) * Math.hypot(trm[2], trm[3]), fill: st.fill, x: trm[4], y: trm[5], advance: Math.abs(advance) * Math.hypot(trm[0], trm[1]) });
    tm = mul([1, 0, 0, 1, advance, 0], tm);
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
      const n = operands.map((o) => (typeof o === 'number' ? o : 0));
      if (op === 'BI') {
        while (p.pos < data.length && !(data[p.pos] === 0x45 && data[p.pos + 1] === 0x49)) p.pos++; // inline image: skip to EI
        p.pos += 2;
      } else if (op === 'q') stack.push({ ...st });
      else if (op === 'Q') st = stack.pop() ?? st;
      else if (op === 'cm' && n.length >= 6) st = { ...st, ctm: mul(n.slice(-6) as Matrix, st.ctm) };
      else if (op === 'g' || op === 'rg' || op === 'k') st = { ...st, fill: fillFrom(n) };
      else if (op === 'sc' || op === 'scn') st = { ...st, fill: operands.some((o) => o instanceof PdfName) ? undefined : fillFrom(n) };
      else if (op === 'cs') st = { ...st, fill: undefined };
      else if (op === 'BT') tm = tlm = [1, 0, 0, 1, 0, 0];
      else if (op === 'Tf') {
        const f = operands.at(-2);
        font = f instanceof PdfName ? await fontOf(f.name) : undefined;
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
      } else if (op === 'Do') {
        const nm = operands.at(-1);
        const ref = nm instanceof PdfName ? xobjects?.get(nm.name) : undefined;
        const key = ref instanceof PdfRef ? ref.key : undefined;
        const xo = await file.resolve(ref);
        if (xo instanceof PdfStream && isName(xo.dict.get('Subtype'), 'Image')) out.images.push(await readImage(file, xo, st.ctm));
        else if (xo instanceof PdfStream && isName(xo.dict.get('Subtype'), 'Form') && !(key && seen.has(key))) {
          if (key) seen.add(key);
          const fm = await file.resolveArray(xo.dict.get('Matrix'));
          const matrix = fm?.length === 6 && fm.every((v) => typeof v === 'number') ? (fm as unknown as Matrix) : ([1, 0, 0, 1, 0, 0] as Matrix);
          const res = (await file.resolveDict(xo.dict.get('Resources'))) ?? resources;
          await interpret(file, await decodeOr(xo), res, mul(matrix, st.ctm), out, depth + 1, seen);
          if (key) seen.delete(key);
        }
      }
    } catch {
      p.pos++;
    }
    operands = [];
  }
}

async function decodeOr(stream: PdfStream): Promise<Uint8Array> {
  try {
    return await decodeStream(stream);
  } catch {
    return new Uint8Array(0);
  }
}

/** What a form XObject (e.g. a widget's /AP /N) draws once mapped onto `rect` of the page (ISO 32000-1 §12.5.5). */
export async function readAppearance(file: PdfFile, form: PdfStream, rect: Rect): Promise<Drawing> {
  const out: Drawing = { images: [], texts: [] };
  const bbox = (await file.resolveArray(form.dict.get('BBox'))) as unknown as number[] | undefined;
  const fm = await file.resolveArray(form.dict.get('Matrix'));
  const matrix = fm?.length === 6 && fm.every((v) => typeof v === 'number') ? (fm as unknown as Matrix) : ([1, 0, 0, 1, 0, 0] as Matrix);
  const b = bbox?.length === 4 && bbox.every((v) => typeof v === 'number') ? bbox : [0, 0, rect[2] - rect[0], rect[3] - rect[1]];
  // Transformed bbox → rect.
  const tb = toRect(mul([b[2]! - b[0]!, 0, 0, b[3]! - b[1]!, b[0]!, b[1]!], matrix));
  const sx = tb[2] - tb[0] ? (rect[2] - rect[0]) / (tb[2] - tb[0]) : 1;
  const sy = tb[3] - tb[1] ? (rect[3] - rect[1]) / (tb[3] - tb[1]) : 1;
  const a: Matrix = [sx, 0, 0, sy, rect[0] - tb[0] * sx, rect[1] - tb[1] * sy];
  const resources = await file.resolveDict(form.dict.get('Resources'));
  await interpret(file, await decodeOr(form), resources, mul(matrix, a), out, 0, new Set());
  return out;
}

/** What a page draws (its content streams), in default user space. */
export async function readPage(file: PdfFile, pageRef: PdfRef): Promise<Drawing> {
  const out: Drawing = { images: [], texts: [] };
  const page = await file.resolveDict(pageRef);
  if (!page) return out;
  let resources = await file.resolveDict(page.get('Resources'));
  let parent = await file.resolveDict(page.get('Parent'));
  for (let i = 0; !resources && parent && i < 32; i++) {
    resources = await file.resolveDict(parent.get('Resources'));
    parent = await file.resolveDict(parent.get('Parent'));
  }
  const contents = await file.resolve(page.get('Contents'));
  const streams: PdfObject[] = contents instanceof PdfArray ? [...contents] : [contents ?? null];
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    const stream = s instanceof PdfStream ? s : await file.resolve(s instanceof PdfRef ? s : null);
    if (stream instanceof PdfStream) parts.push(await decodeOr(stream), Uint8Array.of(0x0a));
  }
  await interpret(file, concatBytes(parts), resources, [1, 0, 0, 1, 0, 0], out, 0, new Set());
  return out;
}

/** The page's box (CropBox, else MediaBox, inherited). */
export async function pageBoxOf(file: PdfFile, pageRef: PdfRef): Promise<Rect> {
  let node = await file.resolveDict(pageRef);
  for (let depth = 0; node && depth < 32; depth++) {
    const box = await file.resolveArray(node.get('CropBox') ?? node.get('MediaBox'));
    if (box?.length === 4 && box.every((v) => typeof v === 'number')) {
      const r = box as unknown as number[];
      return [Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)];
    }
    node = await file.resolveDict(node.get('Parent'));
  }
  return [0, 0, 595.28, 841.89];
}

