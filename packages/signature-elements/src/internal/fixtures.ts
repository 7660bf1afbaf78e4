// Test-only helpers (imported by *.test.ts and stories, never by the elements).
import { signPdf } from '@egov-vn/pdf-signature';
import type { SignPdfOptions } from '@egov-vn/pdf-signature';
import { createDemoPki, issueCertificate } from '@egov-vn/pdf-signature/testing';
import type { DemoPki } from '@egov-vn/pdf-signature/testing';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';

/** A one-page PDF with a line of text (object streams by default, as most producers write today). */
export async function makePdf(text = 'Cong van 12/UBND-VP', options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.addPage().drawText(text, { x: 72, y: 760, size: 13, font });
  return doc.save({ useObjectStreams: options.objectStreams ?? true });
}

let pki: Promise<DemoPki> | undefined;
/** One demo PKI per test file (ECDSA: fast). */
export function demoPki(): Promise<DemoPki> {
  pki ??= createDemoPki({ keyAlgorithm: 'ECDSA' });
  return pki;
}

/** A PDF signed by the demo signer. */
export async function signedPdf(options: Partial<SignPdfOptions> = {}, pdf?: Uint8Array): Promise<Uint8Array> {
  const p = await demoPki();
  return signPdf(pdf ?? (await makePdf()), { signer: p.signerFor(p.signer), reason: 'Phê duyệt', ...options });
}

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);
const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/**
 * Appends a genuine incremental update (new object, xref section, trailer with /Prev) that replaces the content
 * stream of the first page: what a forger does to change the text of a signed document.
 */
export function changePageContent(signed: Uint8Array, text = 'Cong van 99/UBND-VP'): Uint8Array {
  const source = latin1(signed);
  const page = [...source.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)endobj/g)]
    .map((m) => m[1]!)
    .filter((body) => /\/Type\s*\/Page\b/.test(body))
    .map((body) => /\/Contents\s*\[?\s*(\d+) 0 R/.exec(body))
    .at(-1);
  if (!page) throw new Error('no page with a direct /Contents reference (make the PDF without object streams)');
  const contents = Number(page[1]);
  const startxref = [...source.matchAll(/startxref\s+(\d+)/g)].at(-1)![1]!;
  const root = [...source.matchAll(/\/Root\s+(\d+ \d+ R)/g)].at(-1)![1]!;
  const size = Math.max(...[...source.matchAll(/\/Size\s+(\d+)/g)].map((m) => Number(m[1])));
  const stream = `BT /F1 13 Tf 72 760 Td (${text}) Tj ET`;
  const object = `\n${contents} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const objectAt = signed.length + 1;
  const xrefAt = signed.length + object.length;
  const xref = `xref\n0 1\n0000000000 65535 f \n${contents} 1\n${String(objectAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Root ${root} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(signed.length + object.length + xref.length);
  out.set(signed);
  out.set(ascii(object + xref), signed.length);
  return out;
}

/** A PDF signed with a certificate that expired yesterday, without a timestamp (nothing proves it was signed in time). */
export async function expiredSignedPdf(): Promise<Uint8Array> {
  const p = await demoPki();
  const day = 86_400_000;
  const expired = await issueCertificate(p.intermediate, {
    commonName: 'Trần Thị B',
    organization: 'UBND tỉnh Demo',
    keyAlgorithm: 'ECDSA',
    notBefore: new Date(Date.now() - 3 * 365 * day),
    notAfter: new Date(Date.now() - day),
  });
  return signPdf(await makePdf(), {
    signer: p.signerFor(expired),
    reason: 'Phê duyệt',
    signingTime: new Date(Date.now() - 30 * day),
  });
}

/** The same PDF with one byte flipped inside the signed range (the signature no longer matches). */
export function tamper(signed: Uint8Array): Uint8Array {
  const out = signed.slice();
  out[12]! ^= 0x01;
  return out;
}

/**
 * Loads pdf.js and its worker module once. The viewer imports pdf.js on first use (a dynamic import: the size budgets
 * prove the viewer's own module does not contain it), and the dev server transforms it the first time: tests call
 * this in `beforeAll` under its own time limit, so each test's limit measures the element, not that first load.
 */
export async function loadPdfJs(): Promise<void> {
  await import('pdfjs-dist');
  await import('pdfjs-dist/build/pdf.worker.min.mjs');
}
