/**
 * addValidationData: stores certificates, CRLs and OCSP responses in the document security store (DSS, ISO 32000-2
 * §12.8.4.3; ETSI EN 319 142-1 PAdES-B-LT) by incremental update, so the signatures can be validated later without
 * the network and after the CA's services are gone. The bytes before are never changed: earlier signatures stay
 * valid, and a validator classes the update as LTA_UPDATES.
 */
import { DSS_ARRAYS, readDss } from '../pdf/dss.js';
import { deflate } from '../pdf/filters.js';
import { PdfFile } from '../pdf/file.js';
import { PdfArray, PdfRef, PdfStream, dict, name, type PdfObject } from '../pdf/objects.js';
import { IncrementalUpdate } from '../pdf/writer.js';
import { bytesEqual, concatBytes } from '../pdf/bytes.js';
import { pdfError } from '../errors.js';

export interface ValidationData {
  /** DER certificates (the signers' chains, the TSA's, OCSP responders'). */
  readonly certificates?: readonly Uint8Array[];
  /** DER CRLs. */
  readonly crls?: readonly Uint8Array[];
  /** DER OCSPResponse structures. */
  readonly ocsps?: readonly Uint8Array[];
}

/**
 * Appends the data to the document security store (created when absent; existing entries are kept, the same bytes
 * are not stored twice). Streams are Flate-compressed.
 */
export async function addValidationData(pdf: Uint8Array, data: ValidationData): Promise<Uint8Array> {
  const file = await PdfFile.open(pdf);
  if (file.trailer.has('Encrypt')) throw pdfError('PDF_ENCRYPTED', 'Không hỗ trợ tệp PDF đã mã hoá', 'Encrypted PDFs are not supported');
  const rootRef = file.trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) throw pdfError('PDF_ROOT', 'Tệp PDF không có /Root gián tiếp', 'The PDF has no indirect /Root');
  const catalog = (await file.catalog()).clone();
  const stored = await readDss(file);
  const dss = stored.dict?.clone() ?? dict({ Type: name('DSS') });
  const upd = new IncrementalUpdate(file);
  let added = 0;
  for (const [key, field] of DSS_ARRAYS) {
    const seen = stored.entries[field].flatMap((e) => (e.data ? [e.data] : []));
    const items: PdfObject[] = stored.entries[field].map((e) => e.item);
    for (const der of data[field] ?? []) {
      if (seen.some((s) => bytesEqual(s, der))) continue;
      seen.push(der);
      const ref = upd.allocate();
      upd.set(ref, new PdfStream(dict({ Filter: name('FlateDecode') }), await deflate(der)));
      items.push(ref);
      added++;
    }
    if (items.length > 0) dss.set(key, PdfArray.of2(items));
  }
  if (added === 0) return pdf;
  if (stored.object instanceof PdfRef) upd.set(stored.object, dss);
  else {
    const ref = upd.allocate();
    upd.set(ref, dss);
    catalog.set('DSS', ref);
    upd.set(rootRef, catalog);
  }
  return concatBytes([pdf, upd.write().update]);
}
