/**
 * A gallery of signed PDFs for Nghị định 30 conformance tests, made by this package's own signing code: documents
 * that keep every Phụ lục I rule (an issued document with the leader's signature and the agency's seal, an
 * attachment with its text stamp, an electronic copy) and one document per rule that breaks that rule alone.
 * For testing validators (ours: `checkNd30`, `egov-vn check`); never for real documents.
 */
import { decodePng, writePngXObject } from '../appearance/png.js';
import { appendixStampLines, copyStampLines } from '../appearance/layouts.js';
import { locateSignerBox } from '../appearance/locate.js';
import { textStampAppearance } from '../appearance/text-stamp.js';
import { concatBytes, latin1Bytes, latin1String } from '../pdf/bytes.js';
import { PdfFile } from '../pdf/file.js';
import { deflate } from '../pdf/filters.js';
import { PdfDict, PdfRef, PdfStream, arr, dict, name } from '../pdf/objects.js';
import { IncrementalUpdate, serialize } from '../pdf/writer.js';
import { scansToPdfA } from '../pdfa/scan-pdf.js';
import type { Nd30FindingCode } from '../nd30/check.js';
import { makeElectronicCopy } from '../nd30/copy.js';
import { kindReasons, nd30Appearance } from '../nd30/rules.js';
import { readScan } from '../nd30/scan.js';
import { signPdf, type AppearanceFactory, type Rect } from '../sign/sign-pdf.js';
import { formatVietnamIso } from '@egov-vn/schemas/time';
import type { DemoPki } from './pki.js';

export interface GalleryEntry {
  /** File-name friendly name, e.g. `conforming-issued`, `breaks-SEAL_SIZE`. */
  readonly name: string;
  /** The rule this document breaks (undefined: it keeps every rule). */
  readonly breaks: Nd30FindingCode | undefined;
  /** The document is an electronic copy (check it with `copy: true`). */
  readonly copy: boolean;
  readonly pdf: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The PNG container for 8-bit RGBA samples already filtered and zlib-compressed (`idat`), with pHYs saying `dpi`. */
export function encodePng(width: number, height: number, dpi: number, idat: Uint8Array): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, data.length);
    out.set(latin1Bytes(type), 4);
    out.set(data, 8);
    dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const phys = new Uint8Array(9);
  const ppm = Math.round(dpi / 0.0254);
  new DataView(phys.buffer).setUint32(0, ppm);
  new DataView(phys.buffer).setUint32(4, ppm);
  phys[8] = 1;
  return concatBytes([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

/** The unfiltered scanlines of an RGBA image (`pixel` gives [r, g, b, a]). */
export function rgbaScanlines(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  return raw;
}

/** An 8-bit RGBA PNG (`pixel` gives [r, g, b, a]) with a pHYs chunk saying `dpi`. */
export async function testPng(width: number, height: number, dpi: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): Promise<Uint8Array> {
  return encodePng(width, height, dpi, await deflate(rgbaScanlines(width, height, pixel)));
}

type Rgb = readonly [number, number, number];

/** A handwritten-looking stroke in `ink` on transparent (or white, `opaque`), 420 × 180 px (140 × 60 pt box). */
export function signaturePng(ink: Rgb, opaque = false): Promise<Uint8Array> {
  return testPng(420, 180, 216, (x, y) => {
    const curve = 90 + 50 * Math.sin(x / 40) * Math.cos(x / 97);
    const on = Math.abs(y - curve) < 7 && x > 30 && x < 390;
    return on ? [ink[0], ink[1], ink[2], 255] : opaque ? [255, 255, 255, 255] : [255, 255, 255, 0];
  });
}

/** A seal: two rings and a centre star-like disc in `ink`, `mm` across at 300 dpi (its pHYs gives the actual size). */
export function sealPng(ink: Rgb, mm = 36, opaque = false): Promise<Uint8Array> {
  const size = Math.round((mm / 25.4) * 300);
  const r = size / 2;
  return testPng(size, size, 300, (x, y) => {
    const d = Math.hypot(x + 0.5 - r, y + 0.5 - r);
    const on = (d <= r && d >= r * 0.93) || (d <= r * 0.64 && d >= r * 0.6) || d <= r * 0.18;
    return on ? [ink[0], ink[1], ink[2], 255] : opaque ? [255, 255, 255, 255] : [255, 255, 255, 0];
  });
}

/** A colour "scan" of a paper page (`mm` wide and high) at `dpi`: light paper, a red header band, dark text bars. */
export function scanPng(dpi: number, options: { grey?: boolean; mm?: readonly [number, number] } = {}): Promise<Uint8Array> {
  const [wMm, hMm] = options.mm ?? [74, 105];
  const w = Math.round((wMm / 25.4) * dpi);
  const h = Math.round((hMm / 25.4) * dpi);
  return testPng(w, h, dpi, (x, y) => {
    let c: Rgb = [250, 248, 240];
    if (y > h * 0.06 && y < h * 0.1) c = [200, 30, 40];
    else if (Math.floor(y / (h * 0.03)) % 2 === 0 && y > h * 0.15 && x > w * 0.1 && x < w * 0.9) c = [30, 30, 60];
    if (options.grey) {
      const g = Math.round((c[0] + c[1] + c[2]) / 3);
      c = [g, g, g];
    }
    return [c[0], c[1], c[2], 255];
  });
}

/** An uncompressed little-endian RGB TIFF with one page per entry (each with its own resolution in dpi). */
export function testTiff(pages: readonly { readonly width: number; readonly height: number; readonly dpi: number; readonly pixel: (x: number, y: number) => Rgb }[]): Uint8Array {
  const parts: number[] = [0x49, 0x49, 0x2a, 0, 0, 0, 0, 0];
  const u16 = (at: number, v: number): void => {
    parts[at] = v & 0xff;
    parts[at + 1] = (v >> 8) & 0xff;
  };
  const u32 = (at: number, v: number): void => {
    for (let k = 0; k < 4; k++) parts[at + k] = (v >>> (8 * k)) & 0xff;
  };
  const grow = (n: number): number => {
    const at = parts.length;
    for (let k = 0; k < n; k++) parts.push(0);
    return at;
  };
  let link = 4; // where the next IFD's offset goes
  for (const page of pages) {
    const samples = grow(page.width * page.height * 3);
    for (let y = 0; y < page.height; y++) {
      for (let x = 0; x < page.width; x++) {
        const c = page.pixel(x, y);
        const at = samples + (y * page.width + x) * 3;
        parts[at] = c[0];
        parts[at + 1] = c[1];
        parts[at + 2] = c[2];
      }
    }
    const bits = grow(6);
    [8, 8, 8].forEach((v, k) => u16(bits + 2 * k, v));
    const xres = grow(8);
    u32(xres, page.dpi);
    u32(xres + 4, 1);
    const tags: [number, number, number, number][] = [
      [256, 4, 1, page.width],
      [257, 4, 1, page.height],
      [258, 3, 3, bits],
      [259, 3, 1, 1],
      [262, 3, 1, 2],
      [273, 4, 1, samples],
      [277, 3, 1, 3],
      [278, 4, 1, page.height],
      [279, 4, 1, page.width * page.height * 3],
      [282, 5, 1, xres],
      [283, 5, 1, xres],
      [296, 3, 1, 2],
    ];
    if (parts.length % 2) grow(1);
    const ifd = grow(2 + tags.length * 12 + 4);
    u32(link, ifd);
    u16(ifd, tags.length);
    tags.forEach(([tag, type, count, value], k) => {
      const at = ifd + 2 + k * 12;
      u16(at, tag);
      u16(at + 2, type);
      u32(at + 4, count);
      if (type === 3 && count === 1) u16(at + 8, value);
      else u32(at + 8, value);
    });
    link = ifd + 2 + tags.length * 12;
  }
  return Uint8Array.from(parts);
}

/** A one-page A4 document with the lines Phụ lục I positions signatures by (ASCII, Times-Roman). */
export function galleryDocument(): Uint8Array {
  const lines: [number, number, number, string][] = [
    [13, 90, 790, 'UY BAN NHAN DAN TINH DEMO'],
    [13, 330, 790, 'CONG HOA XA HOI CHU NGHIA VIET NAM'],
    [14, 230, 700, 'QUYET DINH'],
    [13, 85, 640, 'Ve viec ban hanh quy che cong tac van thu.'],
    [13, 85, 620, 'Noi dung van ban.'],
    [13, 390, 330, 'CHU TICH'],
    [13, 370, 220, 'Nguyen Van A'],
  ];
  const content = lines.map(([size, x, y, text]) => `BT /F1 ${size} Tf ${x} ${y} Td (${text}) Tj ET`).join('\n');
  const objects = [
    dict({ Type: name('Catalog'), Pages: new PdfRef(2, 0) }),
    dict({ Type: name('Pages'), Kids: arr(new PdfRef(3, 0)), Count: 1 }),
    dict({ Type: name('Page'), Parent: new PdfRef(2, 0), MediaBox: arr(0, 0, 595.28, 841.89), Resources: dict({ Font: dict({ F1: new PdfRef(5, 0) }) }), Contents: new PdfRef(4, 0) }),
    new PdfStream(new PdfDict(), latin1Bytes(content)),
    dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Times-Roman'), Encoding: name('WinAnsiEncoding') }),
  ];
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n`;
    if (o instanceof PdfStream) out += `${serialize(o.dict.clone().set('Length', o.data.length))}\nstream\n${latin1String(o.data)}\nendstream`;
    else out += serialize(o);
    out += '\nendobj\n';
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1Bytes(out);
}

/** Wraps an appearance and rewrites its content (e.g. another colour). */
function rewrite(factory: AppearanceFactory, change: (content: string) => string): AppearanceFactory {
  return async (ctx) => {
    const r = await factory(ctx);
    return { ...r, content: latin1Bytes(change(latin1String(r.content))) };
  };
}

/** A text stamp in an unembedded standard font (Helvetica), top right of page 1. */
function helveticaStamp(lines: readonly string[]): AppearanceFactory {
  return async (ctx) => {
    const box = (await ctx.file.resolveArray((await ctx.file.resolveDict(ctx.pageRef))?.get('MediaBox'))) as unknown as number[];
    const width = 160;
    const height = 12 * lines.length + 4;
    const right = box[2]! - 57;
    const top = box[3]! - 43;
    const rect: Rect = [right - width, top - height, right, top];
    const text = lines.map((l, i) => `1 0 0 1 4 ${height - 12 * (i + 1)} Tm (${l}) Tj`).join('\n');
    const font = ctx.add(dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Helvetica'), Encoding: name('WinAnsiEncoding') }));
    return { rect, content: latin1Bytes(`BT /F1 10 Tf 0 g\n${text}\nET`), resources: dict({ Font: dict({ F1: font }) }) };
  };
}

/** A text stamp that also draws an image (Phụ lục I: attachments and copies show no image). */
function stampWithImage(stamp: AppearanceFactory, png: Uint8Array): AppearanceFactory {
  return async (ctx) => {
    const r = await stamp(ctx);
    const img = await writePngXObject(await decodePng(png), ctx.add);
    const resources = r.resources.clone().set('XObject', dict({ Im: img }));
    return { ...r, content: concatBytes([latin1Bytes('q 30 0 0 30 0 0 cm /Im Do Q\n'), r.content]), resources };
  };
}

/** Rewrites page 1 of an unsigned scan PDF so the scan is shown at half size on a half-size page (not 100 %). */
async function shrinkPage(pdf: Uint8Array): Promise<Uint8Array> {
  const file = await PdfFile.open(pdf);
  const pageRef = (await file.pages())[0]!;
  const page = (await file.resolveDict(pageRef))!.clone();
  const box = (await file.resolveArray(page.get('MediaBox'))) as unknown as number[];
  const w = box[2]! / 2;
  const h = box[3]! / 2;
  const upd = new IncrementalUpdate(file);
  const content = upd.allocate();
  upd.set(content, new PdfStream(dict({ Filter: name('FlateDecode') }), await deflate(latin1Bytes(`q ${w} 0 0 ${h} 0 0 cm /Scan Do Q\n`))));
  upd.set(pageRef, page.set('MediaBox', arr(0, 0, w, h)).set('Contents', content));
  return concatBytes([pdf, upd.write().update]);
}

/**
 * Builds the gallery: three conforming documents and one per rule broken. `stampFont` is a Times-compatible
 * TrueType font (Node: `loadDefaultFont()` from `./node`). Takes a few seconds (RSA signatures, a scan at 300 dpi).
 */
export async function nd30Gallery(options: { pki: DemoPki; stampFont: Uint8Array; agency?: string; time?: Date }): Promise<GalleryEntry[]> {
  const { pki, stampFont } = options;
  const agency = options.agency ?? 'Ủy ban nhân dân tỉnh Demo';
  const time = options.time ?? new Date();
  const leader = pki.signerFor(pki.signer);
  const seal = pki.signerFor(pki.seal);
  const doc = galleryDocument();
  const { rect: box } = await locateSignerBox(doc, 'Nguyen Van A');
  const blue: Rgb = [26, 60, 170];
  const red: Rgb = [208, 16, 30];
  const signature = await signaturePng(blue);
  const sealImage = await sealPng(red);
  const out: GalleryEntry[] = [];
  const entry = (breaks: Nd30FindingCode | undefined, nameText: string, pdf: Uint8Array, copy = false): void => {
    out.push({ name: breaks ? `breaks-${breaks}` : `conforming-${nameText}`, breaks, copy, pdf });
  };
  const author = async (pdf: Uint8Array, o: { image?: Uint8Array; rect?: Rect; signer?: typeof leader } = {}): Promise<Uint8Array> => {
    const visible = await nd30Appearance(pdf, 'author', { signatureImage: o.image ?? signature, ...(o.rect ? { rect: o.rect } : { signerName: 'Nguyen Van A' }) }, { time });
    return signPdf(pdf, { signer: o.signer ?? leader, reason: kindReasons.author, signingTime: time, ...visible });
  };
  const withSeal = async (pdf: Uint8Array, o: { image?: Uint8Array; diameterMm?: number; rect?: Rect } = {}): Promise<Uint8Array> => {
    const visible = await nd30Appearance(pdf, 'seal', { sealImage: o.image ?? sealImage, rect: o.rect ?? box, ...(o.diameterMm ? { sealDiameterMm: o.diameterMm } : {}) }, { time });
    return signPdf(pdf, { signer: seal, reason: kindReasons.seal, signingTime: time, ...visible });
  };
  const appendix = (pdf: Uint8Array, appearance: AppearanceFactory, page = 0): Promise<Uint8Array> =>
    signPdf(pdf, { signer: seal, reason: kindReasons.appendix, signingTime: time, page, appearance });
  const appendixLines = appendixStampLines({ docNumber: '12/QĐ-UBND', agency, time });

  // Conforming.
  const issued = await withSeal(await author(doc));
  entry(undefined, 'issued', issued);
  const visibleAppendix = await nd30Appearance(doc, 'appendix', { stampFont, docNumber: '12/QĐ-UBND', agency }, { time });
  entry(undefined, 'appendix', await signPdf(doc, { signer: seal, reason: kindReasons.appendix, signingTime: time, ...visibleAppendix }));
  const scan300 = await scanPng(300);
  const { pdf: copy } = await makeElectronicCopy({ images: [scan300], signer: seal, copyKind: 'SY', agency, stampFont, signingTime: time, docNumber: '05/SY-UBND' });
  entry(undefined, 'copy', copy, true);

  // One rule broken each.
  entry('NO_SIGNATURE', '', doc);
  const tampered = issued.slice();
  const at = latin1String(tampered).indexOf('(CHU TICH)');
  tampered[at + 8] = 0x58; // "CHU TICX": a changed byte inside both signed ranges
  entry('SIGNATURE_INVALID', '', tampered);
  entry('SIGNER_KIND', '', await author(doc, { signer: seal }));
  entry('SIGNATURE_IMAGE_COLOUR', '', await withSeal(await author(doc, { image: await signaturePng([20, 20, 20]) })));
  entry('SIGNATURE_IMAGE_OPAQUE', '', await withSeal(await author(doc, { image: await signaturePng(blue, true) })));
  entry('SIGNATURE_POSITION', '', await author(doc, { rect: [72, 440, 212, 500] }));
  entry('SEAL_COLOUR', '', await withSeal(await author(doc), { image: await sealPng(blue) }));
  entry('SEAL_OPAQUE', '', await withSeal(await author(doc), { image: await sealPng(red, 36, true) }));
  entry('SEAL_SIZE', '', await withSeal(await author(doc), { diameterMm: 20 }));
  entry('SEAL_OVERLAP', '', await withSeal(await author(doc), { rect: [box[0] + 160, box[1], box[2] + 160, box[3]] }));
  entry('SIGNATURE_ORDER', '', await author(await withSeal(doc)));
  entry('STAMP_PLACE', '', await appendix(doc, textStampAppearance({ font: stampFont, lines: appendixLines, marginTopMm: 140 })));
  entry('STAMP_FONT', '', await appendix(doc, helveticaStamp(['12/QD-UBND', formatVietnamIso(time)])));
  entry('STAMP_SIZE', '', await appendix(doc, textStampAppearance({ font: stampFont, lines: appendixLines, size: 12 })));
  entry('STAMP_COLOUR', '', await appendix(doc, rewrite(textStampAppearance({ font: stampFont, lines: appendixLines }), (c) => c.replace(' 0 g', ' 0 0 0.8 rg'))));
  const d = new Date(time.getTime() + 7 * 3600_000);
  const vnDate = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}`;
  entry('STAMP_TIME_FORMAT', '', await appendix(doc, textStampAppearance({ font: stampFont, lines: ['12/QĐ-UBND', agency, vnDate] })));
  entry('STAMP_HAS_IMAGE', '', await appendix(doc, stampWithImage(textStampAppearance({ font: stampFont, lines: appendixLines }), sealImage)));

  // Copies: each breaks one rule of Phụ lục I Phần II (made by hand, since makeElectronicCopy refuses them).
  const copyLines = copyStampLines({ kind: 'SAO Y', agency, time });
  const signCopy = (pdf: Uint8Array, lines = copyLines): Promise<Uint8Array> =>
    signPdf(pdf, { signer: seal, reason: kindReasons.copy, signingTime: time, appearance: textStampAppearance({ font: stampFont, lines }) });
  const meta = { title: 'Bản sao điện tử', creationDate: time };
  const unsigned300 = await scansToPdfA([await readScan(scan300)], meta);
  entry('COPY_KIND', '', await signCopy(unsigned300, ['BẢN CHỤP', agency, formatVietnamIso(time)]), true);
  entry('COPY_DPI', '', await signCopy(await scansToPdfA([await readScan(await scanPng(150))], meta)), true);
  entry('COPY_COLOUR', '', await signCopy(await scansToPdfA([await readScan(await scanPng(300, { grey: true }))], meta)), true);
  entry('COPY_SCALE', '', await signCopy(await shrinkPage(unsigned300)), true);
  const v13 = unsigned300.slice();
  v13.set(latin1Bytes('%PDF-1.3'), 0);
  entry('COPY_PDF_VERSION', '', await signCopy(v13), true);
  return out;
}
