/**
 * A PDF/A-2b file made of scanned pages, one image per page at 100 % (the page is the image's size at its
 * resolution): XMP metadata (pdfaid part 2, conformance B, and the scan resolution as tiff:XResolution), an sRGB
 * output intent, Info agreeing with the XMP, and the trailer /ID. Written from scratch by our serializer; the file
 * is then signed by incremental update, which PDF/A allows.
 */
import { formatPdfDate, formatVietnamIso } from '@egov-vn/schemas/time';
import { digest } from '../cms/crypto.js';
import { concatBytes, latin1Bytes, toHex } from '../pdf/bytes.js';
import { deflate } from '../pdf/filters.js';
import { PdfDict, PdfRef, PdfStream, PdfString, arr, dict, name, textString, type PdfObject } from '../pdf/objects.js';
import { serialize } from '../pdf/writer.js';
import type { ScanPage } from '../nd30/scan.js';
import { SRGB_PROFILE_DESCRIPTION, srgbIccProfile } from './icc.js';
import { pdfaXmp } from './xmp.js';

export const SCAN_PRODUCER = '@egov-vn/pdf-signature';

export interface ScanPdfMeta {
  readonly title: string;
  readonly creationDate: Date;
  readonly language?: string;
}


/** The PDF/A-2b bytes: one page per scan, each at its own resolution (100 %). */
export async function scansToPdfA(scans: readonly ScanPage[], meta: ScanPdfMeta): Promise<Uint8Array> {
  const objects: (PdfObject | PdfStream)[] = [];
  const add = (o: PdfObject | PdfStream): PdfRef => {
    objects.push(o);
    return new PdfRef(objects.length, 0);
  };
  const reserve = (): PdfRef => add(null);
  const set = (ref: PdfRef, o: PdfObject | PdfStream): void => {
    objects[ref.num - 1] = o;
  };
  const catalogRef = reserve();
  const pagesRef = reserve();
  const kids: PdfRef[] = [];
  for (const scan of scans) {
    const [dx, dy] = scan.dpi!;
    const w = (scan.width * 72) / dx;
    const h = (scan.height * 72) / dy;
    const image =
      scan.format === 'jpeg'
        ? new PdfStream(dict({ Type: name('XObject'), Subtype: name('Image'), Width: scan.width, Height: scan.height, BitsPerComponent: 8, ColorSpace: name(scan.components === 1 ? 'DeviceGray' : 'DeviceRGB'), Filter: name('DCTDecode') }), scan.data)
        : new PdfStream(
            dict({ Type: name('XObject'), Subtype: name('Image'), Width: scan.width, Height: scan.height, BitsPerComponent: 8, ColorSpace: name(scan.components === 1 ? 'DeviceGray' : 'DeviceRGB'), Filter: name('FlateDecode') }),
            await deflate(scan.components === 1 ? scan.data.filter((_, i) => i % 3 === 0) : scan.data),
          );
    const imageRef = add(image);
    const r = (v: number): string => (Math.round(v * 10000) / 10000).toString();
    const content = add(new PdfStream(dict({ Filter: name('FlateDecode') }), await deflate(latin1Bytes(`q ${r(w)} 0 0 ${r(h)} 0 0 cm /Scan Do Q\n`))));
    kids.push(add(dict({ Type: name('Page'), Parent: pagesRef, MediaBox: arr(0, 0, Math.round(w * 10000) / 10000, Math.round(h * 10000) / 10000), Resources: dict({ XObject: dict({ Scan: imageRef }) }), Contents: content })));
  }
  set(pagesRef, dict({ Type: name('Pages'), Kids: arr(...kids), Count: kids.length }));
  const first = scans[0]?.dpi?.[0];
  const dpi = scans.every((sc) => sc.dpi?.[0] === first && sc.dpi?.[1] === first) ? first : undefined;
  const xmpBytes = new TextEncoder().encode(pdfaXmp({ title: meta.title, date: formatVietnamIso(meta.creationDate), producer: SCAN_PRODUCER, ...(dpi === undefined ? {} : { resolutionDpi: dpi }) }));
  const metadata = add(new PdfStream(dict({ Type: name('Metadata'), Subtype: name('XML') }), xmpBytes));
  const icc = add(new PdfStream(dict({ N: 3, Filter: name('FlateDecode') }), await deflate(srgbIccProfile())));
  const intent = add(dict({ Type: name('OutputIntent'), S: name('GTS_PDFA1'), OutputConditionIdentifier: textString(SRGB_PROFILE_DESCRIPTION), Info: textString(SRGB_PROFILE_DESCRIPTION), DestOutputProfile: icc }));
  set(catalogRef, dict({ Type: name('Catalog'), Pages: pagesRef, Metadata: metadata, OutputIntents: arr(intent), ...(meta.language ? { Lang: textString(meta.language) } : {}) }));
  const date = new PdfString(latin1Bytes(formatPdfDate(meta.creationDate)), false);
  const info = add(dict({ Title: textString(meta.title), Producer: textString(SCAN_PRODUCER), Creator: textString(SCAN_PRODUCER), CreationDate: date, ModDate: date }));

  const parts: Uint8Array[] = [];
  let pos = 0;
  const push = (chunk: Uint8Array | string): void => {
    const b = typeof chunk === 'string' ? latin1Bytes(chunk) : chunk;
    parts.push(b);
    pos += b.length;
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pos);
    push(`${i + 1} 0 obj\n`);
    if (o instanceof PdfStream) {
      push(`${serialize(o.dict.clone().set('Length', o.data.length))}\nstream\n`);
      push(o.data);
      push('\nendstream');
    } else push(serialize(o));
    push('\nendobj\n');
  });
  const body = concatBytes(parts);
  const id = toHex((await digest('SHA-256', body)).subarray(0, 16));
  const xref = pos;
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const off of offsets) table += `${String(off).padStart(10, '0')} 00000 n\r\n`;
  const trailer = new PdfDict([
    ['Size', objects.length + 1],
    ['Root', catalogRef],
    ['Info', info],
  ]);
  push(`${table}trailer\n${serialize(trailer).slice(0, -2)}/ID [<${id}> <${id}>]>>\nstartxref\n${xref}\n%%EOF\n`);
  return concatBytes(parts);
}
