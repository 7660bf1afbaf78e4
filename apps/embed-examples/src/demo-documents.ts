// The demo files the example pages show in <egov-signature-panel>: a one-page PDF signed (PAdES) by a demo signer,
// and the demo root CA the page passes as its trust anchor. Made at build time with @egov-vn/pdf-signature's test
// PKI, so no key or certificate is kept in the repository.
import { signPdf } from '@egov-vn/pdf-signature';
import { createDemoPki, toPem } from '@egov-vn/pdf-signature/testing';

/** A minimal one-page PDF (classic cross-reference table), written byte by byte. */
export function minimalPdf(text = 'Cong van 12/UBND-VP (vi du nhung phan tu egov-vn)'): Uint8Array {
  const content = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** File name → contents of the demo files. */
export async function demoDocuments(): Promise<Record<string, Uint8Array | string>> {
  const pki = await createDemoPki({ keyAlgorithm: 'ECDSA', prefix: 'egov-vn embed demo' });
  const signed = await signPdf(minimalPdf(), { signer: pki.signerFor(pki.signer), reason: 'Phê duyệt', location: 'Hà Nội' });
  return { 'van-ban-ky-so.pdf': signed, 'demo-root-ca.pem': toPem(pki.root.der) };
}
