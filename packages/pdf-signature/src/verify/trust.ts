/**
 * Trust anchors. Nothing is trusted by default: pass the roots you accept (e.g. the NEAC "Root CA" and the
 * Ban Cơ yếu Chính phủ root, downloaded from their publishers and checked out of band).
 */
import * as pkijs from 'pkijs';
import { certificateFromDer } from '../cms/certificate-cache.js';
import { pdfError } from '../errors.js';
import { bytesEqual } from '../pdf/bytes.js';

/**
 * A certificate parsed by pkijs (its `Certificate` class), as `parseCertificates` returns it and `TrustInput` takes it.
 * Typed structurally, so that the package's declarations need no pkijs types.
 */
export interface ParsedCertificate {
  readonly tbsView: Uint8Array;
  readonly serialNumber: object;
  readonly issuer: object;
  readonly subject: object;
}

/** Parses a PEM bundle (any number of CERTIFICATE blocks) or a single DER certificate. */
export function parseCertificates(input: Uint8Array | string): ParsedCertificate[] {
  return parseAll(input);
}

function parseAll(input: Uint8Array | string): pkijs.Certificate[] {
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

/** DER or PEM bytes, PEM text, or a certificate parsed by `parseCertificates` (pkijs). */
export type TrustInput = Uint8Array | string | ParsedCertificate;

export function toCertificates(items: readonly TrustInput[] | undefined): pkijs.Certificate[] {
  return (items ?? []).flatMap((i) => {
    if (i instanceof pkijs.Certificate) return [i];
    if (typeof i === 'string' || i instanceof Uint8Array) return parseAll(i);
    throw pdfError('TRUST_INPUT', 'Chứng thư tin cậy phải là tệp DER/PEM hoặc kết quả của parseCertificates', 'A trust anchor must be DER/PEM data or a result of parseCertificates');
  });
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
