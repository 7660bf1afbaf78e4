/**
 * Trust anchors. Nothing is trusted by default: pass the roots you accept (e.g. the NEAC "Root CA" and the
 * Ban Cơ yếu Chính phủ root, downloaded from their publishers and checked out of band).
 */
import * as pkijs from 'pkijs';
import { certificateFromDer } from '../cms/certificate-cache.js';
import { pdfError } from '../errors.js';
import { bytesEqual } from '../pdf/bytes.js';

/** Parses a PEM bundle (any number of CERTIFICATE blocks) or a single DER certificate. */
export function parseCertificates(input: Uint8Array | string): pkijs.Certificate[] {
  const text = typeof input === 'string' ? input : input[0] === 0x30 ? undefined : new TextDecoder().decode(input);
  if (text === undefined) return [parseOne(input as Uint8Array)];
  const blocks = [...text.matchAll(/-----BEGIN (?:TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:TRUSTED )?CERTIFICATE-----/g)];
  if (blocks.length === 0) throw pdfError('TRUST_PEM', 'Không tìm thấy chứng thư nào trong tệp PEM', 'No certificate found in the PEM data');
  return blocks.map((m) => {
    const bin = atob(m[1]!.replace(/\s+/g, ''));
    return parseOne(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  });
}

function parseOne(der: Uint8Array): pkijs.Certificate {
  try {
    return certificateFromDer(der);
  } catch {
    throw pdfError('TRUST_DER', 'Chứng thư tin cậy không đọc được', 'Unreadable trust anchor certificate');
  }
}

export type TrustInput = Uint8Array | string | pkijs.Certificate;

export function toCertificates(items: readonly TrustInput[] | undefined): pkijs.Certificate[] {
  return (items ?? []).flatMap((i) => (i instanceof pkijs.Certificate ? [i] : parseCertificates(i)));
}

/**
 * Whether `cert` is itself one of the trust anchors (same to-be-signed bytes and signature). A directly trusted
 * certificate needs no chain: its trust comes from the caller, and the anchor's own constraints (such as not being a
 * CA) do not apply to it (RFC 5280 §6.1; EU DSS trusts a signing certificate listed as trusted the same way).
 */
export function isTrustAnchor(cert: pkijs.Certificate, anchors: readonly pkijs.Certificate[]): boolean {
  const sig = cert.signatureValue.valueBlock.valueHexView;
  return anchors.some(
    (a) => a === cert || (bytesEqual(a.tbsView, cert.tbsView) && bytesEqual(a.signatureValue.valueBlock.valueHexView, sig)),
  );
}
