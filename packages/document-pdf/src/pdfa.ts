// Document metadata, and the PDF/A-2b parts: XMP metadata (pdfaid part 2, conformance B) agreeing with the Info
// dictionary, an sRGB output intent, and the trailer /ID. Fonts are embedded (subset) by the renderer. The ICC profile
// and the XMP packet come from `@egov-vn/pdf-signature/pdfa` (one copy, shared with the scanned electronic copies).
import { type PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { pdfaXmp, SRGB_PROFILE_DESCRIPTION, srgbIccProfile } from '@egov-vn/pdf-signature/pdfa';

export interface PdfMeta {
  readonly title: string;
  readonly author: string;
  readonly language: string;
  readonly creationDate: Date;
  readonly pdfa: boolean;
}

export const PRODUCER = '@egov-vn/document-pdf (pdf-lib)';

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** FNV-1a based 16-byte identifier, derived from the metadata (reproducible for the same input). */
function fileId(seed: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i) + round;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

export function xmpPacket(meta: PdfMeta): string {
  return pdfaXmp({ title: meta.title, creator: meta.author, language: meta.language, date: isoSeconds(meta.creationDate), producer: PRODUCER });
}

/** Sets the metadata (and the PDF/A parts when asked) and serialises the document. */
export async function writePdfA(pdf: PDFDocument, meta: PdfMeta): Promise<Uint8Array> {
  pdf.setTitle(meta.title);
  pdf.setAuthor(meta.author);
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
  pdf.setCreationDate(meta.creationDate);
  pdf.setModificationDate(meta.creationDate);
  pdf.setLanguage(meta.language);
  const context = pdf.context;
  const id = PDFHexString.of(fileId(`${meta.title}|${meta.author}|${meta.creationDate.toISOString()}`));
  context.trailerInfo.ID = context.obj([id, id]);
  if (meta.pdfa) {
    const xmp = new TextEncoder().encode(xmpPacket(meta));
    const metadata = context.stream(xmp, { Type: 'Metadata', Subtype: 'XML', Length: xmp.length });
    pdf.catalog.set(PDFName.of('Metadata'), context.register(metadata));
    const icc = context.flateStream(srgbIccProfile(), { N: 3 });
    const intent = context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFString.of(SRGB_PROFILE_DESCRIPTION),
      Info: PDFString.of(SRGB_PROFILE_DESCRIPTION),
      DestOutputProfile: context.register(icc),
    });
    pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  }
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}
