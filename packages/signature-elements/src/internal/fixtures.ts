// Test-only helpers (imported by *.test.ts and stories, never by the elements).
import { signPdf } from '@egov-vn/pdf-signature';
import type { SignPdfOptions } from '@egov-vn/pdf-signature';
import { createDemoPki } from '@egov-vn/pdf-signature/testing';
import type { DemoPki } from '@egov-vn/pdf-signature/testing';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page PDF with a line of text. */
export async function makePdf(text = 'Cong van 12/UBND-VP'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.addPage().drawText(text, { x: 72, y: 760, size: 13, font });
  return doc.save({ useObjectStreams: true });
}

let pki: Promise<DemoPki> | undefined;
/** One demo PKI per test file (ECDSA: fast). */
export function demoPki(): Promise<DemoPki> {
  pki ??= createDemoPki({ keyAlgorithm: 'ECDSA' });
  return pki;
}

/** A PDF signed by the demo signer. */
export async function signedPdf(options: Partial<SignPdfOptions> = {}): Promise<Uint8Array> {
  const p = await demoPki();
  return signPdf(await makePdf(), { signer: p.signerFor(p.signer), reason: 'Phê duyệt', ...options });
}

/** The same PDF with one byte flipped inside the signed range (the signature no longer matches). */
export function tamper(signed: Uint8Array): Uint8Array {
  const out = signed.slice();
  out[12]! ^= 0x01;
  return out;
}
